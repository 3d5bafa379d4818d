"""What the audit trail calls the results part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary
from hrapp.labels import label
from hrapp.models import Presence

PRESENCE_VALUES = {p.value for p in Presence}


def _value_label(field_name: str, value) -> str | None:
    """Presence values in the people's words; the rest as stored."""
    if field_name == "presence" and value in PRESENCE_VALUES:
        return str(label(Presence(value)))
    return None


AUDIT = AuditVocabulary(
    actions={
        "training.mark_presence": _l("Attendance marked"),
        "training.mark_all_present": _l("Everyone marked present"),
        "training.sign_in": _l("Signed in with the code"),
        "training.new_signin_code": _l("New sign-in code"),
        "training.record_absence": _l("Absence recorded (not marked after the session)"),
        "training.record_attempt": _l("Score recorded"),
        "training.edit_attempt": _l("Score changed"),
        "training.issue_certificate": _l("Certificate issued"),
        "training.supersede_certificate": _l("Certificate superseded"),
        "training.withdraw_certificate": _l("Certificate withdrawn"),
        "training.restore_certificate": _l("Certificate valid again"),
        "training.give_feedback": _l("Feedback given"),
    },
    record_types={"Enrolment": _l("Training enrolment"), "Attempt": _l("Assessment attempt"),
                  "Certificate": _l("Training certificate"), "Feedback": _l("Training feedback"),
                  "TrainingSession": _l("Training session")},
    fields={
        "presence": _l("Presence"), "signed_in_with_code": _l("Signed in with the code"),
        "signed_in_at": _l("Signed in at"), "signin_code": _l("Sign-in code"), "staff_id": _l("Staff member"),
        "course_id": _l("Course"), "session_id": _l("Session"), "number": _l("Number"), "score": _l("Score"),
        "max_score": _l("Maximum score"), "pass_score": _l("Pass mark"), "passed": _l("Passed"),
        "taken_on": _l("Taken on"), "reason": _l("Reason"), "issued_on": _l("Issued on"),
        "expires_on": _l("Expires on"), "superseded": _l("Superseded"), "rating": _l("Rating"),
        "comment": _l("Comment"),
    },
    value_label=_value_label,
)
