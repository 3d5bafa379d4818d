"""Requested days off (期望休息日): a person (or their head for them) asks to rest on a day of a period not yet
published; generation honours the wishes where demand and the rules allow."""
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp import audit
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.extensions import db
from hrapp.models import DayOffRequest, EmploymentStatus, Roster, RosterStatus, StaffMember

MAX_PER_MONTH = 4  # wishes per person and calendar month: enough to plan around, too few to dictate the roster
NOTE_LENGTH = 200


def _month(day: date) -> tuple[date, date]:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day.replace(day=1), date.fromordinal(following.toordinal() - 1)


def _published_roster_on(staff: StaffMember, day: date) -> Roster | None:
    """A published or locked roster of the person's department covering `day` (its plan is settled)."""
    return db.session.scalar(sa.select(Roster).where(
        Roster.department_id == staff.department_id, Roster.starts_on <= day, Roster.ends_on >= day,
        Roster.status != RosterStatus.DRAFT).limit(1))


def day_off_problem(staff: StaffMember, day: date, today: date) -> str | None:
    """Why `staff` may not (any longer) wish to rest on `day`: a reason code, or None."""
    if day <= today:
        return "day_off_past"
    if staff.status == EmploymentStatus.LEFT or (staff.left_on is not None and staff.left_on < day):
        return "day_off_left"
    if _published_roster_on(staff, day) is not None:
        return "day_off_published"
    return None


def request_day_off(actor, staff: StaffMember, day: date, note: str, today: date) -> DayOffRequest:
    """Record the wish (audited).

    :raise RosterValidationError: a past day, someone who has left, a day of a published roster, a second wish
        for the same day, or more than MAX_PER_MONTH in one month.
    """
    note = (note or "").strip()
    if len(note) > NOTE_LENGTH:
        raise RosterValidationError.of("note", "day_off_note")
    problem = day_off_problem(staff, day, today)
    if problem is not None:
        raise RosterValidationError.of("day", problem)
    first, last = _month(day)
    taken = list(db.session.scalars(sa.select(DayOffRequest.day).where(
        DayOffRequest.staff_id == staff.id, DayOffRequest.day.between(first, last))))
    if day in taken:
        raise RosterValidationError.of("day", "day_off_duplicate")
    if len(taken) >= MAX_PER_MONTH:
        raise RosterValidationError.of("day", "day_off_too_many", max=MAX_PER_MONTH)
    wish = DayOffRequest(staff_id=staff.id, day=day, note=note, created_by_id=getattr(actor, "id", None))
    db.session.add(wish)
    audit.record(actor, "roster.day_off.request", wish, None, {"day": day.isoformat(), "note": note},
                 label=f"{staff.staff_number} {day.isoformat()}")
    return wish


def withdraw_day_off(actor, wish: DayOffRequest, today: date) -> None:
    """Delete the wish (audited) while its day is still ahead and unpublished.

    :raise RosterValidationError: the day has passed or its roster is published.
    """
    problem = day_off_problem(wish.staff, wish.day, today)
    if problem in ("day_off_past", "day_off_published"):
        raise RosterValidationError.of("day", problem)
    audit.record(actor, "roster.day_off.withdraw", wish, {"day": wish.day.isoformat(), "note": wish.note}, None,
                 label=f"{wish.staff.staff_number} {wish.day.isoformat()}")
    db.session.delete(wish)


def day_off_requests(staff_ids, first: date, last: date) -> list[DayOffRequest]:
    """The wishes of these people between `first` and `last`, by day then person."""
    return list(db.session.scalars(
        sa.select(DayOffRequest).options(joinedload(DayOffRequest.staff), joinedload(DayOffRequest.created_by))
        .where(DayOffRequest.staff_id.in_(list(staff_ids)),
                                       DayOffRequest.day.between(first, last))
        .order_by(DayOffRequest.day, DayOffRequest.staff_id)))


def my_day_off_requests(staff_id: int, since: date) -> list[DayOffRequest]:
    """A person's wishes from `since` on."""
    return list(db.session.scalars(sa.select(DayOffRequest).where(
        DayOffRequest.staff_id == staff_id, DayOffRequest.day >= since).order_by(DayOffRequest.day)))
