"""The staff home's reads, one statement per panel: the person with the month's money and the punch networks,
the month's reconciled days, and everything waiting for them (one UNION ALL). The shifts and the balances come
from the roster's and the leave module's own functions."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache

import sqlalchemy as sa

from hrapp.blueprints.appraisals.access import respondable_by, self_assessable_by
from hrapp.blueprints.attendance.board.rules import DayFigures
from hrapp.blueprints.conduct.ledger.queries import (
    compensation_amount,
    fine_amount,
    reward_on_ledger,
    violation_on_ledger,
)
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalTemplate,
    AttendanceDay,
    AttendanceSettings,
    ConductRuleVersion,
    Course,
    Enrolment,
    EnrolmentStatus,
    Reward,
    SessionStatus,
    ShiftSwap,
    StaffMember,
    SwapStatus,
    TrainingSession,
    Violation,
    ViolationState,
)

from .rules import WaitingItem

CENT = Decimal("0.01")
# Kinds of waiting items (the template's labels and links key on these).
NOTICE, SELF_ASSESSMENT, RESULT, TRAINING, SWAP = "notice", "self_assessment", "result", "training", "swap"


@dataclass(frozen=True)
class MonthMoney:
    """The person's conduct ledger of a month so far: final fines (and compensation), approved rewards."""

    fines: Decimal
    compensation: Decimal
    rewards: Decimal
    fine_count: int
    reward_count: int

    @property
    def empty(self) -> bool:
        return not (self.fine_count or self.reward_count)


@dataclass(frozen=True)
class Person:
    """The staff record, its month on the ledger and the company's web punch networks (text, "" for none)."""

    staff: StaffMember
    money: MonthMoney
    punch_networks: str


def _money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT)


@cache
def _person_statement() -> sa.Select:
    # Built once (bound parameters staff_id and month): composing it costs more than running it.
    month = sa.bindparam("month", type_=sa.String)
    final = sa.and_(Violation.staff_id == StaffMember.id, violation_on_ledger(month))

    def violation_sum(expression):
        return (sa.select(sa.func.sum(expression)).join(ConductRuleVersion,
                                                        ConductRuleVersion.id == Violation.rule_version_id)
                .where(final).scalar_subquery())

    approved = sa.and_(Reward.staff_id == StaffMember.id, reward_on_ledger(month))
    return sa.select(
        StaffMember,
        violation_sum(fine_amount()),
        violation_sum(compensation_amount()),
        sa.select(sa.func.sum(Reward.amount)).where(approved).scalar_subquery(),
        sa.select(sa.func.count()).select_from(Violation).where(final).scalar_subquery(),
        sa.select(sa.func.count()).select_from(Reward).where(approved).scalar_subquery(),
        sa.select(AttendanceSettings.web_punch_networks).limit(1).scalar_subquery(),
    ).where(StaffMember.id == sa.bindparam("staff_id", type_=sa.Integer))


def person_of(staff_id: int, month: str) -> Person | None:
    """The staff member with their `month` ("YYYY-MM") on the conduct ledger and the web punch networks, in one
    statement. The money follows the ledger (compute_ledger): final violations and approved rewards of the
    ledger month, compensation (rules of the compensation kind) apart from fines."""
    row = db.session.execute(_person_statement(), {"staff_id": staff_id, "month": month}).first()
    if row is None:
        return None
    staff, fines, paid_back, rewards, fine_count, reward_count, networks = row
    return Person(staff, MonthMoney(_money(fines), _money(paid_back), _money(rewards), int(fine_count or 0),
                                    int(reward_count or 0)), networks or "")


def month_days(staff_id: int, first: date, last: date) -> dict[date, DayFigures]:
    """day -> the reconciled day's figures (status, late and overtime minutes) from `first` to `last`."""
    rows = db.session.execute(
        sa.select(AttendanceDay.day, AttendanceDay.status, AttendanceDay.late_minutes, AttendanceDay.overtime_minutes)
        .where(AttendanceDay.staff_id == staff_id, AttendanceDay.day.between(first, last)))
    return {day: DayFigures(status.value, late or 0, overtime or 0) for day, status, late, overtime in rows}


def _typed(value, type_):
    # A NULL needs its type spelled out for the union (PostgreSQL); a column keeps its own (SQLite's CAST to DATE
    # would turn a date into a number).
    return sa.cast(value, type_) if value is None else sa.type_coerce(value, type_)


def _branch(kind: str, item_id, parent_id, title, title_en, due_on, starts_at) -> list:
    return [sa.literal(kind, sa.String(20)).label("kind"), item_id.label("item_id"),
            _typed(parent_id, sa.Integer).label("parent_id"), _typed(title, sa.String(200)).label("title"),
            _typed(title_en, sa.String(200)).label("title_en"), _typed(due_on, sa.Date).label("due_on"),
            _typed(starts_at, sa.DateTime).label("starts_at")]


@cache
def _waiting_statement() -> sa.CompoundSelect:
    # Built once (bound parameters staff_id and now), like _person_statement.
    null, staff_id = None, sa.bindparam("staff_id", type_=sa.Integer)
    now = sa.bindparam("now", type_=sa.DateTime)
    notices = sa.select(*_branch(NOTICE, Violation.id, null, Violation.number, Violation.number,
                                 Violation.respond_by, null)).where(
        Violation.staff_id == staff_id, Violation.state == ViolationState.SUBMITTED)
    self_reviews = sa.select(*_branch(SELF_ASSESSMENT, Appraisal.id, null, AppraisalCycle.name, AppraisalCycle.name,
                                      AppraisalCycle.self_due_on, null)) \
        .join(AppraisalCycle, AppraisalCycle.id == Appraisal.cycle_id) \
        .join(AppraisalTemplate, AppraisalTemplate.id == Appraisal.template_id).where(self_assessable_by(staff_id))
    results = sa.select(*_branch(RESULT, Appraisal.id, null, AppraisalCycle.name, AppraisalCycle.name,
                                 Appraisal.respond_by, null)) \
        .join(AppraisalCycle, AppraisalCycle.id == Appraisal.cycle_id).where(respondable_by(staff_id))
    sessions = sa.select(*_branch(TRAINING, TrainingSession.id, null, Course.title, Course.title_en, null,
                                  TrainingSession.starts_at)).select_from(Enrolment) \
        .join(TrainingSession, TrainingSession.id == Enrolment.session_id) \
        .join(Course, Course.id == TrainingSession.course_id).where(
            Enrolment.staff_id == staff_id, Enrolment.status == EnrolmentStatus.ENROLLED,
            TrainingSession.status == SessionStatus.SCHEDULED, TrainingSession.ends_at > now)
    swaps = sa.select(*_branch(SWAP, ShiftSwap.id, ShiftSwap.roster_id, StaffMember.name_zh, StaffMember.name_en,
                               ShiftSwap.partner_day, null)) \
        .join(StaffMember, StaffMember.id == ShiftSwap.requester_id).where(
            ShiftSwap.partner_id == staff_id, ShiftSwap.status == SwapStatus.PROPOSED)
    return sa.union_all(notices, self_reviews, results, sessions, swaps)


def waiting_items(staff_id: int, now: datetime, english: bool = False) -> list[WaitingItem]:
    """What waits for the person, in one statement: violation notices to acknowledge (or appeal), their
    self-assessment while the cycle asks for it, a published appraisal result to acknowledge, training
    sessions they hold a place in that have not ended (`now`: naive UTC), and swaps colleagues proposed to them.
    The same states the modules' own rules act on (the appraisals' can_self_assess and can_respond in their SQL
    form, the swap's partner step)."""
    rows = db.session.execute(_waiting_statement(), {"staff_id": staff_id, "now": now})
    return [WaitingItem(r.kind, r.item_id, r.parent_id, (r.title_en if english and r.title_en else r.title) or "",
                        r.due_on, r.starts_at) for r in rows]
