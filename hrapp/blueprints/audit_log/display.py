"""The audit rows as an HR clerk reads them: translated action and record type, the record's name, and
`field: old → new` lines with ids named; one query per kind of id on the page, whatever its length."""
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from hrapp.core.audit_vocabulary import Change, Vocabulary
from hrapp.core.module import modules
from hrapp.extensions import db
from hrapp.models import AuditEntry, Department, Position, StaffMember, User
from hrapp.naming import display_name

# Stored id fields whose names are cheap to look up: field -> model.
ID_FIELDS = {"department_id": Department, "parent_id": Department, "position_id": Position,
             "superior_position_id": Position, "superior_id": StaffMember, "staff_id": StaffMember,
             "user_id": User}
# Target types whose record is named from its row rather than the label stored with the entry.
NAMED_TARGETS = {"StaffMember": StaffMember, "Department": Department, "Position": Position}


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    action: str
    record_type: str
    record: str
    changes: list[Change]


def vocabulary() -> Vocabulary:
    """Every registered module's audit vocabulary, merged."""
    return Vocabulary(m.audit for m in modules())


def _name(row) -> str:
    if isinstance(row, StaffMember):
        return f"{row.name_zh} ({row.staff_number})"
    if isinstance(row, User):
        return row.username
    return f"{display_name(row)} ({row.code})"


def _names(wanted: dict[type, set[int]]) -> dict[tuple[type, int], str]:
    found = {}
    for model, ids in wanted.items():
        for row in db.session.scalars(sa.select(model).where(model.id.in_(ids))):
            found[model, row.id] = _name(row)
    return found


def audit_rows(entries: list[AuditEntry]) -> list[AuditRow]:
    """The page's entries, described (one query per kind of id they mention)."""
    words = vocabulary()
    wanted: dict[type, set[int]] = defaultdict(set)
    for e in entries:
        for snapshot in (e.before or {}, e.after or {}):
            for key, value in snapshot.items():
                if key in ID_FIELDS and isinstance(value, int):
                    wanted[ID_FIELDS[key]].add(value)
        if e.target_type in NAMED_TARGETS and e.target_id:
            wanted[NAMED_TARGETS[e.target_type]].add(e.target_id)
    names = _names(wanted)
    words.names = {(key, id_): names[model, id_] for key, model in ID_FIELDS.items()
                   for (m, id_) in names if m is model}
    return [AuditRow(e, words.action(e.action), words.record_type(e.target_type),
                     names.get((NAMED_TARGETS.get(e.target_type), e.target_id)) or e.target_label,
                     words.changes(e.before, e.after, e.target_type)) for e in entries]


def record_type_choices(stored: list[str]) -> list[tuple[str, str]]:
    """(stored type, label) for every record type the modules name or the trail holds, by label."""
    words = vocabulary()
    return sorted({(t, words.record_type(t)) for t in [*words.record_types, *stored]}, key=lambda c: c[1])


def action_choices(stored: list[str]) -> list[tuple[str, str]]:
    """(stored action, label) for every action the trail holds, by label."""
    words = vocabulary()
    return sorted({(a, words.action(a)) for a in stored}, key=lambda c: c[1])
