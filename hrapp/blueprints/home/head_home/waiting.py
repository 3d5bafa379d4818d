"""What waits for the head: the approvals (leave, corrections, swaps, days off asked, proposed violations) and
the tasks with deadlines (appraisals to score, training sessions to mark or coming up, plan items due), each
through the owning module's own scope rule. One statement each: a UNION of the kinds, with every kind's count
and its oldest few by window functions."""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.appraisals.scoring.queries import scored_by_clause
from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.corrections.access import correction_scope
from hrapp.blueprints.conduct.access import ConductPerm, violation_scope
from hrapp.blueprints.leave.access import LeavePerm, request_scope
from hrapp.blueprints.roster.access import RosterPerm
from hrapp.blueprints.training.access import leads_training, plan_scope
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalStatus,
    AttendanceCorrection,
    CorrectionStatus,
    Course,
    DayOffRequest,
    DayOffStatus,
    Enrolment,
    EnrolmentStatus,
    LeaveRequest,
    LeaveStatus,
    PlanItem,
    PlanStatus,
    Presence,
    Roster,
    SessionStatus,
    ShiftSwap,
    StaffMember,
    SwapStatus,
    TrainingPlan,
    TrainingSession,
    Violation,
    ViolationState,
)
from hrapp.naming import display_name
from hrapp.permissions import department_scope, has_perm

from .rules import quarter_ends, quarter_number

OLDEST = 3  # items shown per kind of approval
TASKS_PER_KIND = 5
APPROVAL_KINDS = ("leave", "correction", "swap", "proposal", "day_off")
MARK_WITHIN = timedelta(days=30)  # past sessions still worth marking
COMING_WITHIN = timedelta(days=7)


@dataclass(frozen=True)
class Item:
    """One waiting thing: its record (and parent, for a swap's roster), the person and since when."""

    ref_id: int
    parent_id: int | None
    name: str  # in the UI language
    since: datetime  # when it was asked (UTC)


@dataclass
class Waiting:
    """A kind of approval: how many wait and the oldest few."""

    kind: str
    count: int = 0
    oldest: list[Item] = field(default_factory=list)


def _not_own(user, column) -> sa.ColumnElement[bool]:
    staff_id = getattr(user, "staff_id", None)
    return column != staff_id if staff_id else sa.true()


def _kind(kind: str, model, staff_column, since, parent=None) -> sa.Select:
    order = (since, model.id)
    return (sa.select(sa.literal(kind, sa.String(16)).label("kind"), model.id.label("ref_id"),
                      sa.cast(parent if parent is not None else sa.null(), sa.Integer).label("parent_id"),
                      StaffMember.name_zh.label("name"), StaffMember.name_en, since.label("since"),
                      sa.func.count().over().label("total"), sa.func.row_number().over(order_by=order).label("rn"))
            .join(StaffMember, StaffMember.id == staff_column))


def approvals(user, today: date) -> list[Waiting]:
    """Per kind, what waits for the head's decision (never their own, nor a swap they are party to): pending
    leave (leave's request scope), pending corrections (attendance's scope), swaps both people accepted on their
    departments' rosters, days off asked from today on, violations attendance proposed (conduct's scope); counts
    and the oldest few."""
    scope = department_scope(user)
    branches = []
    if has_perm(user, LeavePerm.APPROVE):
        branches.append(_kind("leave", LeaveRequest, LeaveRequest.staff_id, LeaveRequest.created_at).where(
            LeaveRequest.status == LeaveStatus.PENDING, request_scope(user), _not_own(user, LeaveRequest.staff_id)))
    if has_perm(user, AttendancePerm.DEPARTMENT):
        branches.append(_kind("correction", AttendanceCorrection, AttendanceCorrection.staff_id,
                              AttendanceCorrection.created_at).where(
            AttendanceCorrection.status == CorrectionStatus.PENDING, correction_scope(user),
            _not_own(user, AttendanceCorrection.staff_id)))
    if has_perm(user, RosterPerm.ROSTER_EDIT):
        branches.append(_kind("swap", ShiftSwap, ShiftSwap.requester_id, ShiftSwap.created_at, ShiftSwap.roster_id)
                        .join(Roster, Roster.id == ShiftSwap.roster_id)
                        .where(ShiftSwap.status == SwapStatus.ACCEPTED, Roster.department_id.in_(scope),
                               _not_own(user, ShiftSwap.requester_id), _not_own(user, ShiftSwap.partner_id)))
        branches.append(_kind("day_off", DayOffRequest, DayOffRequest.staff_id, DayOffRequest.created_at).where(
            DayOffRequest.status == DayOffStatus.REQUESTED, DayOffRequest.day >= today,
            StaffMember.department_id.in_(scope), _not_own(user, DayOffRequest.staff_id)))
    if has_perm(user, ConductPerm.RECORD):
        branches.append(_kind("proposal", Violation, Violation.staff_id, Violation.created_at).where(
            Violation.state == ViolationState.PROPOSED, violation_scope(user), _not_own(user, Violation.staff_id)))
    found = {kind: Waiting(kind) for kind in APPROVAL_KINDS}
    if not branches:
        return list(found.values())
    union = sa.union_all(*branches).subquery()
    for row in db.session.execute(sa.select(union).where(union.c.rn <= OLDEST).order_by(union.c.kind, union.c.rn)):
        waiting = found[row.kind]
        waiting.count = int(row.total)
        waiting.oldest.append(Item(row.ref_id, row.parent_id, display_name(row), row.since))
    return list(found.values())


@dataclass(frozen=True)
class Task:
    """A task with a deadline: appraisals of a cycle to score, a session to mark or coming up, a plan item due."""

    kind: str
    ref_id: int
    title: str
    due_on: date | None
    starts_at: datetime | None
    amount: int


def _task(kind: str, ref_id, title, due_on=None, starts_at=None, amount=None) -> sa.Select:
    return sa.select(sa.literal(kind, sa.String(16)).label("kind"), ref_id.label("ref_id"),
                     sa.cast(title, sa.String(160)).label("title"),
                     (due_on if due_on is not None else sa.cast(sa.null(), sa.Date)).label("due_on"),
                     (starts_at if starts_at is not None else sa.cast(sa.null(), sa.DateTime)).label("starts_at"),
                     sa.cast(amount if amount is not None else sa.null(), sa.Integer).label("amount"))


def _limited(query: sa.Select) -> sa.Select:
    inner = query.limit(TASKS_PER_KIND).subquery()
    return sa.select(inner)


def tasks(user, today: date, now: datetime) -> list[Task]:
    """The head's tasks: per appraisal cycle the appraisals they score still waiting for it (the head-scoring
    deadline); sessions of their departments (or that they train) begun in the last 30 days with people still
    unmarked, and those starting within 7 days (`now` naive UTC); this year's approved plan items of quarters
    begun, with no session set up yet (due at the quarter's end). One statement."""
    branches = [_limited(
        _task("appraisal", AppraisalCycle.id, AppraisalCycle.name, AppraisalCycle.head_due_on,
              amount=sa.func.count(Appraisal.id))
        .select_from(Appraisal).join(AppraisalCycle, AppraisalCycle.id == Appraisal.cycle_id)
        .where(Appraisal.status == AppraisalStatus.HEAD_REVIEW, scored_by_clause(user))
        .group_by(AppraisalCycle.id, AppraisalCycle.name, AppraisalCycle.head_due_on)
        .order_by(AppraisalCycle.head_due_on, AppraisalCycle.id))]
    if leads_training(user):
        runs = sa.or_(TrainingSession.department_id.in_(department_scope(user)),
                      TrainingSession.trainer_staff_id == _own(user))
        branches.append(_limited(
            _task("mark", TrainingSession.id, Course.title, starts_at=TrainingSession.starts_at,
                  amount=sa.func.count(Enrolment.id))
            .select_from(TrainingSession).join(Course, Course.id == TrainingSession.course_id)
            .join(Enrolment, Enrolment.session_id == TrainingSession.id)
            .where(runs, TrainingSession.status == SessionStatus.SCHEDULED, TrainingSession.starts_at <= now,
                   TrainingSession.starts_at >= now - MARK_WITHIN, Enrolment.status == EnrolmentStatus.ENROLLED,
                   Enrolment.presence == Presence.UNMARKED)
            .group_by(TrainingSession.id, Course.title, TrainingSession.starts_at)
            .order_by(TrainingSession.starts_at, TrainingSession.id)))
        enrolled = (sa.select(sa.func.count(Enrolment.id))
                    .where(Enrolment.session_id == TrainingSession.id, Enrolment.status == EnrolmentStatus.ENROLLED)
                    .correlate(TrainingSession).scalar_subquery())
        branches.append(_limited(
            _task("coming", TrainingSession.id, Course.title, starts_at=TrainingSession.starts_at, amount=enrolled)
            .select_from(TrainingSession).join(Course, Course.id == TrainingSession.course_id)
            .where(runs, TrainingSession.status == SessionStatus.SCHEDULED, TrainingSession.starts_at > now,
                   TrainingSession.starts_at <= now + COMING_WITHIN)
            .order_by(TrainingSession.starts_at, TrainingSession.id)))
        quarter = quarter_number(today)
        has_session = sa.exists().where(TrainingSession.plan_item_id == PlanItem.id,
                                        TrainingSession.status == SessionStatus.SCHEDULED)
        branches.append(_limited(
            _task("plan_item", TrainingPlan.id, sa.func.coalesce(Course.title, PlanItem.title), amount=PlanItem.quarter)
            .select_from(PlanItem).join(TrainingPlan, TrainingPlan.id == PlanItem.plan_id)
            .outerjoin(Course, Course.id == PlanItem.course_id)
            .where(plan_scope(user), TrainingPlan.year == today.year, TrainingPlan.status == PlanStatus.APPROVED,
                   PlanItem.quarter <= quarter, ~has_session)
            .order_by(PlanItem.quarter, PlanItem.id)))
    rows = db.session.execute(sa.union_all(*branches)).all()
    return [Task(row.kind, row.ref_id, row.title,
                 quarter_ends(today.year, row.amount) if row.kind == "plan_item" else _day(row.due_on),
                 row.starts_at, int(row.amount or 0)) for row in rows]


def _own(user):
    return getattr(user, "staff_id", None) or -1


def _day(value) -> date | None:
    return value.date() if isinstance(value, datetime) else value
