"""Requested days off (期望休息日): a person (or their head for them) asks to rest on a day of a period not yet
published; generation honours the wishes where demand and the rules allow."""
from collections.abc import Collection, Iterable
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp import audit
from hrapp.blueprints.roster.services.closing import ensure_department_open
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.blueprints.roster.services.notify import notify_day_off
from hrapp.blueprints.roster.workflow import DAY_OFF_WORKFLOW
from hrapp.core import workflow
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import DayOffRequest, DayOffStatus, EmploymentStatus, Roster, RosterStatus, StaffMember

MAX_PER_MONTH = 4  # wishes per person and calendar month: enough to plan around, too few to dictate the roster
MAX_DAYS_AHEAD = 183  # about six months: rosters are planned a month or two ahead
NOTE_LENGTH = 200

STANDS = DayOffRequest.status == DayOffStatus.REQUESTED  # withdrawn wishes are kept, but count for nothing


def day_off_refusal(day: date, today: date, has_left: bool, published: bool,
                    taken: Collection[date] = (), note: str = "") -> str | None:
    """Why a wish to rest on `day` is refused (a reason code), or None.

    `published`: a published or locked roster of the person's department covers the day; `taken`: the
    person's other wishes in the same month.
    """
    if len(note) > NOTE_LENGTH:
        return "day_off_note"
    if day <= today:
        return "day_off_past"
    if day > today + timedelta(days=MAX_DAYS_AHEAD):
        return "day_off_too_far"
    if has_left:
        return "day_off_left"
    if published:
        return "day_off_published"
    if day in taken:
        return "day_off_duplicate"
    if len(taken) >= MAX_PER_MONTH:
        return "day_off_too_many"
    return None


def settled_days(department_id: int, days: Iterable[date]) -> set[date]:
    """Those of `days` a published or locked roster of the department covers (their plan is settled)."""
    days = set(days)
    if not days:
        return set()
    rosters = db.session.execute(sa.select(Roster.starts_on, Roster.ends_on).where(
        Roster.department_id == department_id, Roster.status != RosterStatus.DRAFT,
        Roster.starts_on <= max(days), Roster.ends_on >= min(days)))
    return {d for first, last in rosters for d in days if first <= d <= last}


def _has_left(staff: StaffMember, day: date) -> bool:
    return staff.status == EmploymentStatus.LEFT or (staff.left_on is not None and staff.left_on < day)


def request_day_off(actor, staff: StaffMember, day: date, note: str, today: date) -> DayOffRequest:
    """Record the wish (audited); the department's heads, or the person when a head enters it, are told.

    The unique (staff, day) constraint backs the duplicate check against two requests at once: the caller's
    commit then raises IntegrityError.
    :raise RosterValidationError: see `day_off_refusal`. :raise PeriodClosed: the day's month is closed.
    """
    note = (note or "").strip()
    ensure_department_open(staff.department, day)
    first, last = period_of(MONTH, day).bounds
    taken = set(db.session.scalars(sa.select(DayOffRequest.day).where(
        DayOffRequest.staff_id == staff.id, DayOffRequest.day.between(first, last), STANDS)))
    problem = day_off_refusal(day, today, _has_left(staff, day), bool(settled_days(staff.department_id, [day])),
                              taken, note)
    if problem is not None:
        raise RosterValidationError.of("note" if problem == "day_off_note" else "day", problem,
                                       max=MAX_PER_MONTH, days=MAX_DAYS_AHEAD)
    withdrawn = db.session.scalar(sa.select(DayOffRequest).where(
        DayOffRequest.staff_id == staff.id, DayOffRequest.day == day, DayOffRequest.status == DayOffStatus.WITHDRAWN))
    if withdrawn is not None:  # asked for again: the row (one per person and day) is reopened
        withdrawn.note, withdrawn.created_by_id = note, getattr(actor, "id", None)
        workflow.apply(DAY_OFF_WORKFLOW, withdrawn, "request", actor, withdrawn.version_id, details={"note": note})
        wish = withdrawn
    else:
        wish = DayOffRequest(staff_id=staff.id, day=day, note=note, created_by_id=getattr(actor, "id", None))
        db.session.add(wish)
        audit.record(actor, "roster.day_off.request", wish, None, {"day": day.isoformat(), "note": note},
                     label=f"{staff.staff_number} {day.isoformat()}")
    notify_day_off(actor, staff, day, withdrawn=False)
    return wish


def withdraw_day_off(actor, wish: DayOffRequest, today: date, expected_version: int | None) -> None:
    """Withdraw the wish (the workflow's "withdraw" step: audited, versioned) while its day is ahead and
    unpublished; the person is told if someone else withdrew it.

    :raise RosterValidationError: the day has passed or its roster is published (`day_off_refusal`).
    :raise PeriodClosed: the day's period is closed.
    :raise StaleRecord: the wish changed since `expected_version`. :raise TransitionRefused: already withdrawn.
    :raise TransitionForbidden: `actor` may not manage this person's wishes.
    """
    ensure_department_open(wish.staff.department, wish.day)
    problem = day_off_refusal(wish.day, today, has_left=False,
                              published=bool(settled_days(wish.staff.department_id, [wish.day])))
    if problem is not None:
        raise RosterValidationError.of("day", problem, days=MAX_DAYS_AHEAD)
    workflow.apply(DAY_OFF_WORKFLOW, wish, "withdraw", actor, expected_version,
                   details={"day": wish.day.isoformat(), "note": wish.note})
    notify_day_off(actor, wish.staff, wish.day, withdrawn=True)


def day_off_requests(staff_ids, first: date, last: date) -> list[DayOffRequest]:
    """The wishes of these people between `first` and `last`, by day then person."""
    return list(db.session.scalars(
        sa.select(DayOffRequest).options(joinedload(DayOffRequest.staff), joinedload(DayOffRequest.created_by))
        .where(DayOffRequest.staff_id.in_(list(staff_ids)), DayOffRequest.day.between(first, last), STANDS)
        .order_by(DayOffRequest.day, DayOffRequest.staff_id)))


def my_day_off_requests(staff_id: int, since: date) -> list[DayOffRequest]:
    """A person's wishes from `since` on."""
    return list(db.session.scalars(sa.select(DayOffRequest).where(
        DayOffRequest.staff_id == staff_id, DayOffRequest.day >= since, STANDS).order_by(DayOffRequest.day)))
