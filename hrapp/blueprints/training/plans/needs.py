"""Training needs (培训需求): raised by hand, by quality monitoring or by appraisals (#14 calls `raise_need`),
dismissed with a reason, taken into a plan by services.fill_from_sources. Never commits; the actor is passed in."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from hrapp import audit
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Course, Department, NeedSource, NeedStatus, StaffMember, TrainingNeed

from .versions import flush_versioned

FIELDS = ("department_id", "staff_id", "course_id", "topic", "source", "source_ref", "status", "plan_item_id")
MESSAGES = {
    "what": _l("Give a topic or choose a course."),
    "staff_elsewhere": _l("This person is not in that department."),
    "reason": _l("Please give a reason."),
    "not_open": _l("Only an open need can be dismissed."),
}


def _label(need: TrainingNeed) -> str:
    return f"{need.department.code} {need.topic or (need.course.code if need.course else '')}"[:120]


def _in_department(staff: StaffMember, department: Department) -> bool:
    return staff.department.path.startswith(department.path)


def source_key(source: NeedSource, source_ref: str, staff: StaffMember | None, course: Course | None) -> str | None:
    """What makes two needs raised with a reference the same need (None without a reference)."""
    if not source_ref:
        return None
    return f"{NeedSource(source).value}|{source_ref}|{staff.id if staff else ''}|{course.id if course else ''}"


def _raised_with(key: str) -> TrainingNeed | None:
    return db.session.scalar(sa.select(TrainingNeed).where(TrainingNeed.source_key == key))


def raise_need(department: Department, topic: str, actor, staff: StaffMember | None = None,
               course: Course | None = None, source: NeedSource = NeedSource.MANUAL,
               source_ref: str = "") -> TrainingNeed:
    """Record a training need of `department` (for `staff` when given, else the whole department), audited.

    Idempotent when `source_ref` is given ("appraisal:123"): the need raised before with the same source,
    reference, person and course (open, planned or dismissed) is returned as it is; a unique index on `source_key`
    keeps two requests raising it at once to one need.

    :raise ValidationFailed: neither topic nor course (`topic`), or `staff` outside the department (`staff_number`).
    """
    topic, source_ref = (topic or "").strip()[:160], (source_ref or "").strip()[:80]
    key = source_key(source, source_ref, staff, course)
    if key is not None:
        existing = _raised_with(key)
        if existing is not None:
            return existing
    errors = {}
    if not topic and course is None:
        errors["topic"] = [MESSAGES["what"]]
    if staff is not None and not _in_department(staff, department):
        errors["staff_number"] = [MESSAGES["staff_elsewhere"]]
    if errors:
        raise ValidationFailed(errors)
    need = TrainingNeed(department_id=department.id, staff_id=staff.id if staff else None,
                        course_id=course.id if course else None, topic=topic, source=source, source_ref=source_ref,
                        source_key=key, raised_by_id=getattr(actor, "id", None))
    if key is not None:  # another request raising the same reference at this moment: theirs is the need
        try:
            with db.session.begin_nested():
                db.session.add(need)
        except IntegrityError:
            return _raised_with(key)
    db.session.add(need)
    db.session.flush()
    audit.record(actor, "training.need_raise", need, None, audit.snapshot(need, FIELDS), label=_label(need))
    return need


def dismiss_need(actor, need: TrainingNeed, expected_version: int | None, reason: str) -> TrainingNeed:
    """Set an open need aside with a reason (kept in the audit trail: the need has no column for it).

    :raise StaleRecord: the need changed since the page was loaded.
    :raise ValidationFailed: no reason (`reason`), or the need is no longer open (`_form`).
    """
    check_version(need, expected_version)
    reason = (reason or "").strip()
    if need.status != NeedStatus.OPEN:
        raise ValidationFailed.single("_form", MESSAGES["not_open"])
    if not reason:
        raise ValidationFailed.single("reason", MESSAGES["reason"])
    need.status = NeedStatus.DISMISSED
    flush_versioned()
    audit.record(actor, "training.need_dismiss", need, {"status": NeedStatus.OPEN.value},
                 {"status": NeedStatus.DISMISSED.value, "reason": reason[:255]}, label=_label(need))
    return need
