"""HR sets a wrong punch aside (someone else's finger, a test at the terminal), with a reason: the punch is kept
and shown struck through, reconciliation no longer reads it, and the days it could belong to are read again.
Audited; refused in a closed attendance month. Never commits.
"""
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.attendance.reconcile.services import reconcile_touched
from hrapp.company import local_day
from hrapp.core.validation import ValidationFailed
from hrapp.models import Punch, utcnow
from hrapp.period_close import ensure_open

ALREADY = _l("This punch is already set aside.")
NO_REASON = _l("Please give a reason.")


class PunchExclusionRefused(ValidationFailed):
    """The punch is set aside already, or no reason was given."""


def exclude_punch(actor, punch: Punch, reason: str) -> Punch:
    """Set `punch` aside with `reason` and re-read its days.

    :raise PunchExclusionRefused: already set aside, or no reason.
    :raise PeriodClosed: its day lies in a closed attendance month of the person's department.
    """
    reason = (reason or "").strip()
    if punch.excluded_at is not None:
        raise PunchExclusionRefused.single("reason", ALREADY)
    if not reason:
        raise PunchExclusionRefused.single("reason", NO_REASON)
    if punch.staff is not None:
        ensure_open("attendance", punch.staff.department, local_day(punch.punched_at))
    punch.excluded_at, punch.excluded_by_id, punch.exclude_reason = utcnow(), getattr(actor, "id", None), reason[:255]
    audit.record(actor, "attendance_punch.exclude", punch, None,
                 {"punched_at": punch.punched_at.isoformat(sep=" "), "clock_id": punch.clock_id,
                  "reason": punch.exclude_reason},
                 label=punch.clock_id)
    if punch.staff_id is not None:
        reconcile_touched([(punch.staff_id, punch.punched_at)])
    return punch
