"""The demo's roster history: the roster demo publishes this month and the next; attendance needs the past two
months as well, so their rosters are published here as copies of this month's weekly rotations.

Every demo rotation repeats weekly (continuous from the roster demo's epoch), so a person's cell on a past day is
their cell this month on the same weekday of the rotation. Written with plain inserts like the other demo history
(no roster audit trail: nobody edited them), only for the days each person was employed.
"""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import PeriodKind, Roster, RosterCell, ShiftKind, ShiftType, StaffMember, utcnow
from hrapp.models.roster import RosterStatus

WEEK = 7


def past_months(today: date, months: int) -> list[tuple[date, date]]:
    """The (first, last) days of the `months` months before `today`'s, oldest first."""
    spans, first = [], period_of(MONTH, today).first
    for _ in range(months):
        period = period_of(MONTH, first - timedelta(days=1))
        first = period.first
        spans.append((period.first, period.last))
    return list(reversed(spans))


def _weekly_rotations(roster: Roster) -> dict[int, dict[int, int]]:
    """staff id -> {day offset mod 7 -> shift type id} from the roster's cells (leave days left out)."""
    rotations: dict[int, dict[int, int]] = {}
    for staff_id, day, shift_type_id in db.session.execute(
            sa.select(RosterCell.staff_id, RosterCell.day, RosterCell.shift_type_id)
            .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
            .where(RosterCell.roster_id == roster.id, ShiftType.kind != ShiftKind.LEAVE).order_by(RosterCell.day)):
        rotations.setdefault(staff_id, {}).setdefault((day - roster.starts_on).days % WEEK, shift_type_id)
    return {s: r for s, r in rotations.items() if len(r) == WEEK}


def publish_past_rosters(today: date, months: int, actor=None) -> int:
    """Publish copies of this month's published month rosters for the `months` months before it (departments
    that have a roster there already are left alone); returns the cells written."""
    current = period_of(MONTH, today).first
    rosters = db.session.scalars(sa.select(Roster).where(
        Roster.starts_on == current, Roster.period_kind == PeriodKind.MONTH,
        Roster.status.in_((RosterStatus.PUBLISHED, RosterStatus.LOCKED)))).all()
    cells = []
    for roster in rosters:
        rotations = _weekly_rotations(roster)
        employment = dict(((s, (h, left)) for s, h, left in db.session.execute(
            sa.select(StaffMember.id, StaffMember.hire_on, StaffMember.left_on)
            .where(StaffMember.id.in_(list(rotations))))))
        for first, last in past_months(today, months):
            taken = db.session.scalar(sa.select(Roster.id).where(
                Roster.department_id == roster.department_id, Roster.starts_on <= last, Roster.ends_on >= first))
            if taken is not None:
                continue
            copy = Roster(department_id=roster.department_id, period_kind=PeriodKind.MONTH, starts_on=first,
                          ends_on=last, status=RosterStatus.PUBLISHED, created_by_id=getattr(actor, "id", None),
                          published_at=utcnow(), published_by_id=getattr(actor, "id", None))
            db.session.add(copy)
            db.session.flush()
            day = first
            while day <= last:
                offset = (day - current).days % WEEK
                for staff_id, rotation in rotations.items():
                    hired, left = employment[staff_id]
                    if hired <= day and (left is None or day <= left):
                        cells.append({"roster_id": copy.id, "staff_id": staff_id, "day": day,
                                      "shift_type_id": rotation[offset], "is_fixed": False, "version_id": 1,
                                      "updated_at": utcnow()})
                day += timedelta(days=1)
    if cells:
        db.session.execute(sa.insert(RosterCell.__table__), cells)
    return len(cells)
