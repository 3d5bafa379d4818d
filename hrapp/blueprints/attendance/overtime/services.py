"""Approving a person-day's overtime (where the company says overtime needs approval) and withdrawing an
approval. Both re-reconcile the day, so the day's `overtime_approved` follows at once. Never commit.
"""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AttendanceDay, OvertimeApproval, utcnow
from hrapp.period_close import ensure_open

FIELDS = ("staff_id", "day", "minutes", "note")
NOTHING_TO_APPROVE = _l("This day has no overtime waiting for approval.")


class OvertimeRefused(ValidationFailed):
    """The day has no unapproved overtime (any more)."""


def approve_overtime(actor, day: AttendanceDay, expected_version: int | None, note: str = "") -> OvertimeApproval:
    """Approve `day`'s overtime as it stands (its minutes); an earlier approval of the day is raised to them.

    :raise StaleRecord: the day was re-reconciled since the page showed it.
    :raise OvertimeRefused: the day has no overtime, or it is already approved.
    :raise PeriodClosed: the day's attendance month is closed.
    """
    check_version(day, expected_version)
    if day.overtime_minutes <= 0 or day.overtime_approved:
        raise OvertimeRefused.single("overtime", NOTHING_TO_APPROVE)
    ensure_open("attendance", day.staff.department, day.day)
    row = db.session.scalar(sa.select(OvertimeApproval).where(OvertimeApproval.staff_id == day.staff_id,
                                                              OvertimeApproval.day == day.day))
    before = audit.snapshot(row, FIELDS) if row else None
    if row is None:
        row = OvertimeApproval(staff_id=day.staff_id, day=day.day)
        db.session.add(row)
    row.minutes, row.note = day.overtime_minutes, note.strip()[:255]
    row.approved_by_id, row.approved_at = getattr(actor, "id", None), utcnow()
    db.session.flush()
    audit.record(actor, "overtime.approve", row, before, audit.snapshot(row, FIELDS), label=day.staff.staff_number)
    reconcile(day.day, day.day, staff_ids=[day.staff_id])
    return row


def withdraw_approval(actor, row: OvertimeApproval, expected_version: int | None, reason: str) -> None:
    """Withdraw an approval (a reason is required): the day's overtime waits for approval again.

    :raise StaleRecord: the approval changed since the page showed it.
    :raise PeriodClosed: the day's attendance month is closed.
    """
    check_version(row, expected_version)
    if not reason.strip():
        raise OvertimeRefused.single("reason", _l("Please give a reason."))
    ensure_open("attendance", row.staff.department, row.day)
    audit.record(actor, "overtime.withdraw", row, audit.snapshot(row, FIELDS), {"reason": reason.strip()[:255]},
                 label=row.staff.staff_number)
    staff_id, day = row.staff_id, row.day
    db.session.delete(row)
    db.session.flush()
    reconcile(day, day, staff_ids=[staff_id])
