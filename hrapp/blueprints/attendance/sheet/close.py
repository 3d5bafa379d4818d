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


def settled_until(last: date, today: date) -> date:
    """The last day of a period ending on `last` whose check-out window has closed by `today`."""
    return min(last, today - timedelta(days=WINDOW_DAYS))


def pending_day_clause(first: date, settled: date) -> sa.ColumnElement[bool]:
    """SQL condition on AttendanceDay: still marked incomplete on a day in [first, settled] (`settled_until`)."""
    return sa.and_(AttendanceDay.status == DayStatus.PENDING, AttendanceDay.day.between(first, settled))


def pending_correction_clause(first: date, last: date) -> sa.ColumnElement[bool]:
    """SQL condition on AttendanceCorrection: of a day in [first, last], still waiting for the head."""
    return sa.and_(AttendanceCorrection.status == CorrectionStatus.PENDING,
                   AttendanceCorrection.day.between(first, last))


def undecided_leave_clause(first: date, last: date) -> sa.ColumnElement[bool]:
    """SQL condition on LeaveRequest: overlapping [first, last] and still waiting for a decision."""
    return sa.and_(LeaveRequest.status.in_((LeaveStatus.PENDING, LeaveStatus.AWAITING_HR)),
                   LeaveRequest.starts_on <= last, LeaveRequest.ends_on >= first)


def unmapped_punch_clause(first: date, last: date) -> sa.ColumnElement[bool]:
    """SQL condition on Punch: punched on a company-local day in [first, last] by a clock id mapped to no one
    (it may be anyone's, so it blocks every department)."""
    return sa.and_(Punch.staff_id.is_(None), Punch.punched_at >= utc_of_local(datetime.combine(first, time())),
                   Punch.punched_at < utc_of_local(datetime.combine(last + timedelta(days=1), time())))


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where)) or 0


def attendance_close_check(department: Department, first: date, last: date) -> list[str]:
    """The attendance module's close check (Module.close_checks): translated problems, [] when it may close.
    The HR desk counts the same conditions per department (the *_clause functions above)."""
    problems = []
    pending = _count(AttendanceDay, AttendanceDay.department_id == department.id,
                     pending_day_clause(first, settled_until(last, company_today())))
    if pending:
        problems.append(_("%(department)s: %(n)s day(s) are still marked incomplete although their check-out "
                          "windows have closed; re-run the reconciliation of the month first.",
                          department=department.code, n=pending))
    corrections = _count(AttendanceCorrection, AttendanceCorrection.department_id == department.id,
                         pending_correction_clause(first, last))
    if corrections:
        problems.append(_("%(department)s: %(n)s correction(s) still wait for the head's decision.",
                          department=department.code, n=corrections))
    leave = _count(LeaveRequest, LeaveRequest.department_id == department.id, undecided_leave_clause(first, last))
    if leave:
        problems.append(_("%(department)s: %(n)s leave request(s) in the month still wait for a decision.",
                          department=department.code, n=leave))
    unmapped = _count(Punch, unmapped_punch_clause(first, last))
    if unmapped:
        problems.append(_("%(department)s: %(n)s punch(es) of the month belong to clock ids mapped to no one; map "
                          "them to their people first.", department=department.code, n=unmapped))
    return problems
