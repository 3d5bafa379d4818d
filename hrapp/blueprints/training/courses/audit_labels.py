"""What the audit trail calls the catalogue's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.labels import CATEGORY_LABELS, KIND_LABELS
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

from .forms import CourseForm, RequiredCreateForm

VALUE_LABELS = {"category": CATEGORY_LABELS, "kind": KIND_LABELS}


def _value_label(field: str, value) -> str | None:
    """A course's category or a requirement's kind, translated; None for other values."""
    labels = VALUE_LABELS.get(field)
    if labels is None or not isinstance(value, str):
        return None
    text = next((v for k, v in labels.items() if k.value == value), None)
    return str(text) if text is not None else None


AUDIT = AuditVocabulary(
    actions={
        "training.course_create": _l("Course added"),
        "training.course_update": _l("Course changed"),
        "training.course_deactivate": _l("Course taken out of use"),
        "training.course_reactivate": _l("Course back in use"),
        "training.required_add": _l("Required training added to a position"),
        "training.required_remove": _l("Required training removed from a position"),
    },
    record_types={"Course": _l("Course"), "PositionCourse": _l("Required training")},
    fields={
        **form_field_labels(CourseForm, RequiredCreateForm),
        "active": _l("In use"), "rules": _l("Conduct rules the course should improve"),
        "position": _l("Position"), "course": _l("Course"),
    },
    value_label=_value_label,
)
