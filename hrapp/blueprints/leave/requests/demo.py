"""What seed-demo adds for leave requests (after the rosters and the leave setup): in each department a few
requests over last, this and next month — approved (so the rosters show 假), waiting and rejected — through the
same services people use, and a waiting request of each demo staff account for their head to decide."""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.leave.access import can_approve_leave_of
from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.core.approvers import approvers_for
from hrapp.core.validation import ValidationFailed
from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.models import EmploymentStatus, LeaveStatus, Role, StaffMember, User
from hrapp.period_close import PeriodClosed

from . import steps
from .services import LeaveDraft, create_request, record_leave

PLAN = (  # (month offset, type, outcome)
    (0, "personal", "recorded"), (1, "sick", "approved"), (1, "personal", "pending"), (-1, "personal", "rejected"),
)


def _month_start(today: date, offset: int) -> date:
    index = today.year * 12 + today.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def _weekday_in(rng, first: date) -> date:
    day = first + timedelta(days=rng.randint(2, 20))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _user_of(staff: StaffMember) -> User | None:
    return db.session.scalar(sa.select(User).where(User.staff_id == staff.id, User.is_enabled.is_(True)))


def _decider(staff: StaffMember, hr: User) -> User:
    """The nearest head who may decide for the person, else HR."""
    return next((u for u in approvers_for(staff) if can_approve_leave_of(u, staff)), hr)


def _one(hr: User, staff: StaffMember, code: str, first: date, last: date, outcome: str):
    """One request through the services; None when the rules refuse it (an overlap, a closed month...)."""
    kind = leave_type(code)
    try:
        with db.session.begin_nested():
            if outcome == "recorded":
                return record_leave(hr, staff, kind, first, last, reason="演示：家中有事")
            asker = _user_of(staff) or hr
            leave = create_request(asker, staff, kind, LeaveDraft(kind.id, first, last, reason="演示"))
            if outcome == "approved":
                steps.approve(_decider(staff, hr), leave, leave.version_id)
            elif outcome == "rejected":
                steps.reject(_decider(staff, hr), leave, leave.version_id, "旺季人手不足")
            return leave
    except (ValidationFailed, PeriodClosed, TransitionForbidden):  # e.g. HR's own leave with no head above
        return None


def seed_demo(report) -> None:
    """A few requests per department, and a waiting one for each demo staff account; counts on the report."""
    ensure_default_types()
    hr, rng, today = report.users["hr"], report.rng, report.today
    active = StaffMember.status != EmploymentStatus.LEFT
    made = []
    for department_id in db.session.scalars(sa.select(StaffMember.department_id).where(active).distinct()
                                            .order_by(StaffMember.department_id)):
        people = db.session.scalars(sa.select(StaffMember).where(StaffMember.department_id == department_id, active)
                                    .order_by(StaffMember.id).limit(len(PLAN))).all()
        for person, (offset, code, outcome) in zip(people, PLAN, strict=False):
            first = _weekday_in(rng, _month_start(today, offset))
            made.append(_one(hr, person, code, first, first + timedelta(days=rng.randint(0, 1)), outcome))
    for user in report.users.values():
        if user.role == Role.STAFF and user.staff_id:
            first = _weekday_in(rng, _month_start(today, 1))
            made.append(_one(hr, db.session.get(StaffMember, user.staff_id), "personal", first, first, "pending"))
    made = [m for m in made if m is not None]
    approved = sum(1 for m in made if m.status == LeaveStatus.APPROVED)
    report.counts.update(leave_requests=len(made))
    report.summary.append(f"Leave: {len(made)} requests ({approved} approved, marked 假 in the rosters).")
