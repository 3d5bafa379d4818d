"""What the audit trail calls the catalogue's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.catalogue.forms import RuleCreateForm, RuleEditForm, SettingsForm
from hrapp.blueprints.conduct.labels import LABELS, MEASURE_LABELS
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels


def _value_label(_field: str, value) -> str | None:
    """The conduct enums' values (kinds, forms, measures, categories), translated; None for others."""
    if not isinstance(value, str):
        return None
    text = next((v for k, v in (*LABELS.items(), *MEASURE_LABELS.items()) if k.value == value), None)
    return str(text) if text is not None else None


AUDIT = AuditVocabulary(
    actions={
        "conduct_rule.create": _l("Conduct rule added"),
        "conduct_rule.revise": _l("Conduct rule changed (new version)"),
        "conduct_rule.deactivate": _l("Conduct rule deactivated"),
        "conduct_rule.reactivate": _l("Conduct rule reactivated"),
        "conduct_catalogue.seed": _l("Standard conduct catalogue loaded"),
        "conduct_settings.update": _l("Conduct settings changed"),
    },
    record_types={"ConductRule": _l("Conduct rule"), "ConductSettings": _l("Conduct settings")},
    fields={
        **form_field_labels(RuleCreateForm, RuleEditForm, SettingsForm),
        "form": _l("Penalty form"), "ladder": _l("Repeat-offence ladder"),
        "tiers": _l("Lateness and early-leaving tiers"), "number": _l("Version"), "active": _l("In use"),
        "added": _l("Added"),
    },
    value_label=_value_label,
)
