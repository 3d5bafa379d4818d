"""What the audit trail calls the sessions part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "training.session_create": _l("Training session created"),
        "training.session_update": _l("Training session changed"),
        "training.session_cancel": _l("Training session cancelled"),
        "training.session_roster": _l("Training session put on the roster"),
        "training.enrol": _l("People enrolled in a training session"),
        "training.place_cancel": _l("Training place cancelled"),
        "training.promote": _l("Moved up from the waiting list"),
    },
    record_types={"TrainingSession": _l("Training session"), "Enrolment": _l("Training place")},
    fields={
        "course_id": _l("Course"), "department_id": _l("Department"), "plan_item_id": _l("Plan item"),
        "starts_at": _l("Starts at"), "ends_at": _l("Ends at"), "place": _l("Place"), "capacity": _l("Capacity"),
        "trainer_staff_id": _l("Trainer"), "trainer_name": _l("Outside trainer"), "note": _l("Note"),
        "status": _l("Status"), "reason": _l("Reason"), "enrolled": _l("Enrolled"),
        "waiting": _l("On the waiting list"), "placed": _l("Put on the roster"),
        "refused": _l("Not put on the roster"),
    },
)
