"""What blocks the close of a department's attendance month (the module's `close_checks`): days still marked
incomplete although their windows have closed (reconciliation has not run since), corrections waiting for the
head, leave waiting for a decision, and punches no one is mapped to (they may be anyone's, this department's
people's too)."""
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.company import company_today, utc_of_local
from hrapp.extensions import db
from hrapp.models import (
    AttendanceCorrection,
    AttendanceDay,
    CorrectionStatus,
    DayStatus,
    Department,
    LeaveRequest,
    LeaveStatus,
    Punch,
)

# A day's check-out window closes at the latest the day after next (a night shift ending the next morning,
# plus the check-out window): a day still pending that long after has simply not been reconciled again.
WINDOW_DAYS = 2


def _count(query) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0


def attendance_close_check(department: Department, first: date, last: date) -> list[str]:
    """The attendance module's close check (Module.close_checks): translated problems, [] when it may close."""
    problems = []
    settled = min(last, company_today() - timedelta(days=WINDOW_DAYS))
    pending = _count(sa.select(AttendanceDay.id).where(
        AttendanceDay.department_id == department.id, AttendanceDay.status == DayStatus.PENDING,
        AttendanceDay.day.between(first, settled)))
    if pending:
        problems.append(_("%(department)s: %(n)s day(s) are still marked incomplete although their check-out "
                          "windows have closed; re-run the reconciliation of the month first.",
                          department=department.code, n=pending))
    corrections = _count(sa.select(AttendanceCorrection.id).where(
        AttendanceCorrection.department_id == department.id, AttendanceCorrection.status == CorrectionStatus.PENDING,
        AttendanceCorrection.day.between(first, last)))
    if corrections:
        problems.append(_("%(department)s: %(n)s correction(s) still wait for the head's decision.",
                          department=department.code, n=corrections))
    leave = _count(sa.select(LeaveRequest.id).where(
        LeaveRequest.department_id == department.id,
        LeaveRequest.status.in_((LeaveStatus.PENDING, LeaveStatus.AWAITING_HR)),
        LeaveRequest.starts_on <= last, LeaveRequest.ends_on >= first))
    if leave:
        problems.append(_("%(department)s: %(n)s leave request(s) in the month still wait for a decision.",
                          department=department.code, n=leave))
    unmapped = _count(sa.select(Punch.id).where(
        Punch.staff_id.is_(None), Punch.punched_at >= utc_of_local(datetime.combine(first, time())),
        Punch.punched_at < utc_of_local(datetime.combine(last + timedelta(days=1), time()))))
    if unmapped:
        problems.append(_("%(department)s: %(n)s punch(es) of the month belong to clock ids mapped to no one; map "
                          "them to their people first.", department=department.code, n=unmapped))
    return problems
