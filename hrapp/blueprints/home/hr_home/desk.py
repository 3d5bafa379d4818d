"""What waits on the HR desk besides the month close, read in two statements: one SELECT of counts (scalar
sub-selects: reviews and appeals, certificates, device ids, probation and contract ends, the open appraisal
cycle's statuses, and how far the previous month's close has got) and one UNION ALL of the items listed (the
oldest reviews and appeals, the certificates, the unmapped clock ids, the people whose probation or contract
ends)."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import sqlalchemy as sa

from hrapp.blueprints.appraisals.cycles.queries import overdue_clause, unacknowledged_clause
from hrapp.blueprints.conduct.review.queries import QUEUE_STATES
from hrapp.blueprints.training.results.certificates import SOON_DAYS, valid_expiring
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalStatus,
    Certificate,
    Course,
    CycleStage,
    Department,
    EmploymentStatus,
    LeaveRequest,
    LeaveStatus,
    PeriodClose,
    Punch,
    Reward,
    RewardState,
    StaffMember,
    Violation,
)
from hrapp.period_close import closable_modules, period_closed

from . import rules

OLDEST_SHOWN = 3  # oldest reviews and appeals listed
LISTED = 10  # certificates, clock ids and people ending listed (the counts say how many in all)

# Kinds of listed items (the UNION's first column).
CONDUCT_REVIEW, APPRAISAL_APPEAL, CERTIFICATE, CLOCK_ID, PROBATION, CONTRACT = (
    "conduct_review", "appraisal_appeal", "certificate", "clock_id", "probation", "contract")
CYCLE, CYCLE_STATUS = "cycle", "cycle_status"
UNDER_WAY = (CycleStage.SELF_ASSESSMENT, CycleStage.HEAD_SCORING, CycleStage.CALIBRATION, CycleStage.PUBLISHED)


@dataclass(frozen=True)
class Item:
    """A listed item: its kind, the record's id (a clock id: its punches), a text (a number, a course, a clock
    id), a person's names (`display_name(item)` says the one of the UI language; the cycle: its stage), and its
    date or time."""

    kind: str
    ref_id: int | None
    label: str
    name: str | None
    name_en: str | None
    day: date | None
    at: datetime | None


def open_cycle_id():
    """SELECT of the id of the appraisal cycle under way (the latest started one not closed)."""
    return (sa.select(AppraisalCycle.id).where(AppraisalCycle.stage.in_(UNDER_WAY))
            .order_by(AppraisalCycle.first_on.desc(), AppraisalCycle.id.desc()).limit(1).scalar_subquery())


def _late(today: date, cycle_id):
    """Condition on Appraisal: of the cycle `cycle_id`, a step past its deadline (the appraisals module's overdue
    self-assessment or scoring, or a published result not acknowledged in time)."""
    return sa.or_(overdue_clause(cycle_id, today), unacknowledged_clause(cycle_id, today))


def _ending(column, today: date, *status):
    return sa.and_(column.between(today, today + timedelta(days=rules.ENDING_HORIZON_DAYS)), *status)


def _probation_ending(today: date):
    return _ending(StaffMember.probation_ends_on, today, StaffMember.status == EmploymentStatus.PROBATION)


def _contract_ending(today: date):
    return _ending(StaffMember.contract_ends_on, today, StaffMember.status != EmploymentStatus.LEFT)


def _tally(name: str, model, *where, oldest=None):
    """A UNION branch counting `model` rows (ref_id: the count; at: the oldest `oldest`, if given)."""
    text = sa.cast(sa.null(), sa.String)
    query = sa.select(sa.literal(name).label("kind"), sa.type_coerce(sa.func.count(), sa.Integer).label("ref_id"),
                      text.label("label"), text.label("name"), text.label("name_en"), sa.cast(sa.null(), sa.Date).label("day"),
                      _typed(None if oldest is None else sa.func.min(oldest), sa.DateTime).label("at"))
    return query.select_from(model).where(*where)


def _tallies(today: date, modules: tuple[str, ...]) -> dict:
    """name -> the UNION branch counting it (`modules`: the closable modules' names)."""
    previous = period_of(MONTH, today).previous()
    unmapped = sa.select(Punch.clock_id).where(Punch.staff_id.is_(None)).distinct().subquery()
    closed = sa.select(PeriodClose.module, PeriodClose.department_id).where(period_closed(
        list(modules), previous.first, previous.last)).distinct().subquery()
    counted = {
        "conduct_reviews": (Violation, [Violation.state.in_(QUEUE_STATES)], Violation.updated_at),
        "appraisal_appeals": (Appraisal, [Appraisal.status == AppraisalStatus.APPEALED], Appraisal.appealed_at),
        "leave_for_hr": (LeaveRequest, [LeaveRequest.status == LeaveStatus.AWAITING_HR], LeaveRequest.updated_at),
        "rewards_proposed": (Reward, [Reward.state == RewardState.PROPOSED], Reward.updated_at),
        "certificates_soon": (Certificate, [valid_expiring(today, SOON_DAYS)], None),
        "certificates": (Certificate, [valid_expiring(today, rules.CERTIFICATE_HORIZON_DAYS)], None),
        "clock_ids": (unmapped, [], None),
        "unmapped_punches": (Punch, [Punch.staff_id.is_(None)], None),
        "probation_ending": (StaffMember, [_probation_ending(today)], None),
        "contracts_ending": (StaffMember, [_contract_ending(today)], None),
        "previous_closed": (closed, [], None),  # (module, department) pairs closed for the previous month
        "departments": (Department, [], None),
        "cycle_overdue": (Appraisal, [_late(today, open_cycle_id())], None),
    }
    return {name: _tally(name, model, *where, oldest=oldest) for name, (model, where, oldest) in counted.items()}


def _cycle_parts(today: date) -> list:
    cycle_id = open_cycle_id()
    return [
        _part(CYCLE, AppraisalCycle.id, AppraisalCycle.name, (AppraisalCycle.stage, None), None, None,
              where=[AppraisalCycle.id == cycle_id], order=[AppraisalCycle.id]),
        _part(CYCLE_STATUS, sa.func.count(), Appraisal.status, (None, None), None, None,
              where=[Appraisal.cycle_id == cycle_id], group_by=[Appraisal.status], order=[Appraisal.status]),
    ]


def _typed(value, type_):
    """A column of the UNION: NULL cast to `type_` (PostgreSQL matches the branches' types), else the value
    as it is (SQLite's CAST to a date type would turn the text into a number)."""
    return sa.cast(sa.null(), type_) if value is None else sa.type_coerce(value, type_)


def _part(kind: str, ref_id, label, names, day, at, *, order, where=(), joins=(), group_by=None, limit=LISTED):
    name, name_en = names
    query = sa.select(sa.literal(kind).label("kind"), _typed(ref_id, sa.Integer).label("ref_id"),
                      sa.cast(label, sa.String).label("label"), sa.cast(name, sa.String).label("name"),
                      sa.cast(name_en, sa.String).label("name_en"),
                      _typed(day, sa.Date).label("day"), _typed(at, sa.DateTime).label("at"))
    for target, on in joins:
        query = query.join(target, on)
    query = query.where(*where)
    if group_by is not None:
        query = query.group_by(*group_by)
    return sa.select(query.order_by(*order).limit(limit).subquery())


@dataclass(frozen=True)
class Desk:
    """What the desk shows besides the month close: counts by name, items by kind, the cycle's progress."""

    counts: dict[str, int]
    oldest: dict[str, datetime | None]
    items: dict[str, list[Item]]
    cycle: rules.CycleProgress | None


def _cycle(items: dict[str, list[Item]], overdue: int) -> rules.CycleProgress | None:
    found = items.pop(CYCLE, None)
    if not found:
        return None
    by_status = {s.value: 0 for s in AppraisalStatus} | {i.label: i.ref_id for i in items.pop(CYCLE_STATUS, [])}
    return rules.CycleProgress(found[0].ref_id, found[0].label, found[0].name, by_status, overdue)


def load_desk(today: date) -> Desk:
    """Every count and item of the desk, in one statement (a UNION ALL of counting and listing branches)."""
    tallies, statement = _desk_statement(today, tuple(m.name for m in closable_modules()))
    items: dict[str, list[Item]] = {}
    for row in db.session.execute(statement):
        items.setdefault(row.kind, []).append(Item(*row))
    counted = {name: items.pop(name)[0] for name in tallies}
    counts = {name: item.ref_id or 0 for name, item in counted.items()}
    return Desk(counts, {name: item.at for name, item in counted.items()}, items,
                _cycle(items, counts["cycle_overdue"]))


@lru_cache(maxsize=8)
def _desk_statement(today: date, modules: tuple[str, ...]) -> tuple[tuple[str, ...], sa.CompoundSelect]:
    """(the tallies' names, the desk's statement) for `today` and the closable `modules`: built once a day (it
    depends on nothing else), as composing its twenty-odd branches costs more than running them."""
    staff_of = (StaffMember, StaffMember.id == Violation.staff_id)
    names = (StaffMember.name_zh, StaffMember.name_en)
    # the oldest ids first (the state/updated_at index covers them), then only those rows are read and joined
    oldest_reviews = (sa.select(Violation.id).where(Violation.state.in_(QUEUE_STATES))
                      .order_by(Violation.updated_at, Violation.id).limit(OLDEST_SHOWN))
    parts = [
        _part(CONDUCT_REVIEW, Violation.id, Violation.number, names, None, Violation.updated_at,
              joins=[staff_of], where=[Violation.id.in_(oldest_reviews)], order=[Violation.updated_at, Violation.id],
              limit=OLDEST_SHOWN),
        _part(APPRAISAL_APPEAL, Appraisal.id, StaffMember.staff_number, names, None,
              Appraisal.appealed_at, joins=[(StaffMember, StaffMember.id == Appraisal.staff_id)],
              where=[Appraisal.status == AppraisalStatus.APPEALED], order=[Appraisal.appealed_at, Appraisal.id],
              limit=OLDEST_SHOWN),
        _part(CERTIFICATE, Certificate.staff_id, Course.title, names, Certificate.expires_on, None,
              joins=[(StaffMember, StaffMember.id == Certificate.staff_id), (Course, Course.id == Certificate.course_id)],
              where=[valid_expiring(today, rules.CERTIFICATE_HORIZON_DAYS)],
              order=[Certificate.expires_on, Certificate.id]),
        _part(CLOCK_ID, sa.func.count(), Punch.clock_id, (None, None), None, sa.func.max(Punch.punched_at),
              where=[Punch.staff_id.is_(None)], group_by=[Punch.clock_id],
              order=[sa.func.max(Punch.punched_at).desc(), Punch.clock_id]),
        _part(PROBATION, StaffMember.id, StaffMember.staff_number, names, StaffMember.probation_ends_on,
              None, where=[_probation_ending(today)], order=[StaffMember.probation_ends_on, StaffMember.id]),
        _part(CONTRACT, StaffMember.id, StaffMember.staff_number, names, StaffMember.contract_ends_on,
              None, where=[_contract_ending(today)], order=[StaffMember.contract_ends_on, StaffMember.id]),
    ]
    tallies = _tallies(today, modules)
    return tuple(tallies), sa.union_all(*tallies.values(), *_cycle_parts(today), *parts)
