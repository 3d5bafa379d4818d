"""A person's own schedule: published shifts for a date range, changes made to them, and the ICS feed."""
import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.ics import IcsShift, build_ics
from hrapp.blueprints.roster.services.facts import spec_of
from hrapp.extensions import db
from hrapp.models import (
    CalendarFeedToken,
    CompanySettings,
    Department,
    Roster,
    RosterCell,
    RosterChange,
    RosterStatus,
    ShiftKind,
    ShiftType,
    User,
    utcnow,
)

FEED_PREFIX = "cal_"
VISIBLE = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)


@dataclass(frozen=True)
class ScheduledShift:
    """One day of a person's schedule; `start`/`end` are local wall-clock times (None for rest and leave)."""

    roster_id: int
    department: str
    day: date
    code: str
    name: str
    kind: str
    start: datetime | None
    end: datetime | None
    colour: str
    is_night: bool
    name_en: str = ""  # the shift type's English name ("" when it has none)
    department_en: str = ""

    @property
    def department_names(self) -> SimpleNamespace:
        """The department's names as `hrapp.naming.display_name` reads them (name, name_en)."""
        return SimpleNamespace(name=self.department, name_en=self.department_en)


def my_schedule(staff_id: int, first: date, last: date, include_drafts: bool = False) -> list[ScheduledShift]:
    """The person's cells from `first` to `last` in every department, from published or locked rosters
    (drafts too if asked), by day. One query."""
    statuses = (*VISIBLE, RosterStatus.DRAFT) if include_drafts else VISIBLE
    rows = db.session.execute(
        sa.select(RosterCell.day, RosterCell.roster_id, ShiftType, Department.name, Department.name_en)
        .join(ShiftType, ShiftType.id == RosterCell.shift_type_id).join(Roster, Roster.id == RosterCell.roster_id)
        .join(Department, Department.id == Roster.department_id)
        .where(RosterCell.staff_id == staff_id, RosterCell.day.between(first, last), Roster.status.in_(statuses))
        .order_by(RosterCell.day, ShiftType.start_time))
    out = []
    for day, roster_id, shift, department, department_en in rows:
        start, end = spec_of(shift).interval(day) if shift.kind == ShiftKind.WORK else (None, None)
        out.append(ScheduledShift(roster_id, department, day, shift.code, shift.name, shift.kind.value, start, end,
                                  shift.colour, shift.is_night, shift.name_en or "", department_en or ""))
    return out


def my_changes(staff_id: int, since: datetime | None = None) -> list[RosterChange]:
    """Changes made to the person's published cells (newest first), optionally since a time."""
    query = sa.select(RosterChange).where(RosterChange.staff_id == staff_id)
    if since is not None:
        query = query.where(RosterChange.changed_at >= since)
    return list(db.session.scalars(query.order_by(RosterChange.changed_at.desc(), RosterChange.id.desc())))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_feed_token(user: User) -> tuple[CalendarFeedToken, str]:
    """A new secret for the user's calendar URL; earlier ones stop working. Returns the row and the clear
    token, which is shown once and never stored."""
    revoke_feed_tokens(user)
    clear = FEED_PREFIX + secrets.token_urlsafe(32)
    row = CalendarFeedToken(user_id=user.id, token_hash=_digest(clear))
    db.session.add(row)
    audit.record(user, "calendar_feed.issue", row, None, {"user": user.username})
    return row, clear


def revoke_feed_tokens(user: User) -> int:
    """Kill the user's calendar URL(s); returns how many were live."""
    rows = db.session.scalars(sa.select(CalendarFeedToken).where(
        CalendarFeedToken.user_id == user.id, CalendarFeedToken.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = utcnow()
        audit.record(user, "calendar_feed.revoke", row, None, {"user": user.username})
    return len(rows)


def user_for_feed_token(clear: str) -> User | None:
    """The enabled account whose live feed token this is (notes its use), or None."""
    if not clear or not clear.startswith(FEED_PREFIX):
        return None
    row = db.session.scalar(sa.select(CalendarFeedToken).where(
        CalendarFeedToken.token_hash == _digest(clear), CalendarFeedToken.revoked_at.is_(None)))
    if row is None or not row.user.is_enabled:
        return None
    row.last_used_at = utcnow()
    return row.user


def feed_ics(user: User, today: date, days_back: int = 31, days_ahead: int = 92) -> bytes:
    """The user's working shifts from `days_back` before to `days_ahead` after `today`, as ICS bytes in the
    company's timezone (Asia/Shanghai by default). Empty calendar for an account without a staff record."""
    settings = db.session.scalar(sa.select(CompanySettings).limit(1))
    tz_name = settings.timezone if settings is not None else "Asia/Shanghai"
    shifts = [] if user.staff_id is None else my_schedule(user.staff_id, today - timedelta(days=days_back),
                                                          today + timedelta(days=days_ahead))
    events = [IcsShift(f"roster-{s.roster_id}-{user.staff_id}-{s.day.isoformat()}@hrapp", s.start, s.end,
                       f"{s.code} {s.name}", f"{s.department} {s.start:%H:%M}-{s.end:%H:%M}", s.department)
              for s in shifts if s.start is not None]
    return build_ics(events, f"{user.username} roster", utcnow(), tz_name)
