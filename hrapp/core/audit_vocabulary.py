"""What the audit trail calls things: each module declares the labels of its audit actions, record types and
fields (`Module(audit=AuditVocabulary(...))`); the audit-trail page merges them and shows an HR clerk
translated action names, record types and `field: old → new` lines instead of the stored keys and JSON."""
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class AuditVocabulary:
    """Labels (lazy strings) by stored key. `value_label(field, value)` renders a stored value (an enum value,
    say) in the UI language, or returns None to leave it to the next vocabulary."""

    actions: Mapping[str, object] = field(default_factory=dict)
    record_types: Mapping[str, object] = field(default_factory=dict)  # class name -> label
    fields: Mapping[str, object] = field(default_factory=dict)
    value_label: Callable[[str, object], str | None] | None = None


def workflow_actions(workflow, record_label) -> dict[str, object]:
    """The audit action labels of a workflow's steps ("swap.accept" -> "Shift swap: Accept")."""
    return {f"{workflow.name}.{t.name}": _l("%(record)s: %(step)s", record=record_label, step=t.label)
            for t in workflow.transitions}


@dataclass(frozen=True)
class Change:
    """One field of an audit row: its label and the old and new value, as text ('' when absent)."""

    field: str
    label: str
    old: str
    new: str


class Vocabulary:
    """The merged vocabularies of every module, with lookups that fall back to the stored key."""

    def __init__(self, vocabularies: Iterable[AuditVocabulary]):
        self.parts = [v for v in vocabularies if v is not None]
        self.names: dict[tuple[str, object], str] = {}  # (field, stored id) -> the record's name
        self.actions = {k: v for p in self.parts for k, v in p.actions.items()}
        self.record_types = {k: v for p in self.parts for k, v in p.record_types.items()}
        self.fields = {k: v for p in self.parts for k, v in p.fields.items()}
        self.by_type = {t: p for p in self.parts for t in p.record_types}  # record type -> its module's part

    def action(self, key: str) -> str:
        return str(self.actions.get(key, key))

    def record_type(self, key: str) -> str:
        return str(self.record_types.get(key, key))

    def field(self, key: str, record_type: str = "") -> str:
        """The label of a field, as the module owning `record_type` names it when it does."""
        own = self.by_type.get(record_type)
        return str(own.fields[key] if own and key in own.fields else self.fields.get(key, key))

    def value(self, value, field: str = "") -> str:
        """A stored value as text: booleans as yes/no, lists joined, ids named (see `names`), known codes
        translated."""
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return str(_l("yes") if value else _l("no"))
        if isinstance(value, (list, tuple)):
            return ", ".join(self.value(v, field) for v in value)
        if isinstance(value, dict):
            return "; ".join(f"{self.field(k)}: {self.value(v, k)}" for k, v in value.items())
        if (field, value) in self.names:
            return self.names[field, value]
        for part in self.parts:
            text = part.value_label(field, value) if part.value_label else None
            if text is not None:
                return text
        return str(value)

    def changes(self, before: Mapping | None, after: Mapping | None, record_type: str = "") -> list[Change]:
        """`field: old → new` for every key of either snapshot, in the order the row stored them."""
        before, after = before or {}, after or {}
        keys = list(after) + [k for k in before if k not in after]
        return [Change(k, self.field(k, record_type), self.value(before[k], k) if k in before else "",
                       self.value(after[k], k) if k in after else "") for k in keys]


def form_field_labels(*form_classes) -> dict[str, object]:
    """field name -> label, read from the (unbound) fields of form classes: the audit trail names a field as
    the form that edits it does."""
    labels: dict[str, object] = {}
    for form_class in form_classes:
        for name in dir(form_class):
            unbound = getattr(form_class, name)
            if not getattr(unbound, "_formfield", False):
                continue
            label = unbound.args[0] if unbound.args else unbound.kwargs.get("label")
            if label is not None:
                labels.setdefault(name, label)
    return labels
