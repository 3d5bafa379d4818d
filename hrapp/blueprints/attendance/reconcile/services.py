"""Reconciling punches against the roster into AttendanceDay rows, set-based (a few queries for any range).

`reconcile` loads the range's roster cells (published and locked rosters), shift types, windows, punches,
approved absences, holidays and existing days in a handful of queries, runs the pure rules per person-day and
writes only what changed (inserts in bulk, updates by primary key bumping the version, removes rows that no
longer have anything to say): re-running changes nothing. Days are the company's local dates. Never commits.
"""
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.attendance.settings import attendance_settings, windows_by_shift_type
from hrapp.blueprints.attendance.signals import days_reconciled
from hrapp.company import company_settings
from hrapp.core.bulk import insert_rows
from hrapp.core.localtime import zone_of
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    CompanyHoliday,
    LeaveRequest,
    LeaveStatus,
    OvertimeApproval,
    PeriodClose,
    Position,
    Punch,
    Roster,
    RosterCell,
    ShiftType,
    StaffMember,
)
from hrapp.models.base import utcnow
from hrapp.models.roster import RosterStatus
from hrapp.models.shift import DayKind
from hrapp.period_close import period_closed

from . import rules

COUNTED_ROSTERS = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)
ONE_DAY = timedelta(days=1)
FIELDS = ("department_id", "shift_type_id", "status", "late_minutes", "early_minutes", "worked_minutes",
          "overtime_minutes", "overtime_approved", "in_punch_id", "out_punch_id", "flags")


def _local(value: datetime, zone) -> datetime:
    return value.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def _localizer(zone):
    """`_local` for many times: the zone's offset looked up once per UTC hour (offsets change on the hour)."""
    offsets: dict[tuple, timedelta] = {}

    def local(value: datetime) -> datetime:
        key = (value.year, value.month, value.day, value.hour)
        offset = offsets.get(key)
        if offset is None:
            offset = offsets[key] = _local(value, zone) - value
        return value + offset

    return local


def _utc(value: datetime, zone) -> datetime:
    return value.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _staff_filter(column, staff_ids):
    return column.in_(staff_ids) if staff_ids is not None else sa.true()


def _closed(first_day: date, last_day: date) -> dict[int, list[tuple[date, date]]]:
    """Department id -> its closed attendance periods overlapping the range: their days are left alone."""
    closes: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for dept, starts, ends in db.session.execute(
            sa.select(PeriodClose.department_id, PeriodClose.starts_on, PeriodClose.ends_on)
            .where(period_closed("attendance", first_day, last_day))):
        closes[dept].append((starts, ends))
    return closes


def reconcile(first_day: date, last_day: date, now: datetime | None = None, staff_ids=None) -> Counter:
    """Reconcile every person-day in [first_day, last_day] (of `staff_ids`, or everyone); `now` is UTC.
    Returns the count of each status written or kept, plus "changed" (rows inserted, updated or removed).
    Person-days in a closed month of their department (the day's, or the one it would move to) are left alone."""
    zone = zone_of(company_settings().timezone)
    now_local = _local(now or utcnow(), zone)
    settings = attendance_settings()
    windows = windows_by_shift_type(settings)
    staff_ids = None if staff_ids is None else list(set(staff_ids))
    lead = first_day - timedelta(days=1)  # the previous day's night shift may claim this day's punches
    widest = max(w.checkout_closes for w in windows.values()) + 24 * 60
    opens = max(w.checkin_opens for w in windows.values())
    punch_from = _utc(datetime.combine(lead, datetime.min.time()), zone) - timedelta(minutes=opens)
    punch_to = _utc(datetime.combine(last_day + timedelta(days=1), datetime.min.time()), zone) \
        + timedelta(minutes=widest)

    types = {t.id: t for t in db.session.scalars(sa.select(ShiftType))}
    read = db.session.connection().execute  # Core: plain rows, without the ORM's per-row loading
    cells = {(s, d): (t, dept) for s, d, t, dept in read(
        sa.select(RosterCell.staff_id, RosterCell.day, RosterCell.shift_type_id, Roster.department_id)
        .join(Roster, Roster.id == RosterCell.roster_id)
        .where(Roster.status.in_(COUNTED_ROSTERS), RosterCell.day.between(lead, last_day),
               _staff_filter(RosterCell.staff_id, staff_ids)))}
    punches: dict[int, dict[date, list[rules.PunchAt]]] = defaultdict(lambda: defaultdict(list))
    localize = _localizer(zone)
    for pid, sid, at, state in read(
            sa.select(Punch.id, Punch.staff_id, Punch.punched_at, Punch.state)
            .where(Punch.staff_id.is_not(None), Punch.excluded_at.is_(None),
                   Punch.punched_at.between(punch_from, punch_to),
                   _staff_filter(Punch.staff_id, staff_ids)).order_by(Punch.punched_at)):
        local = localize(at)
        punches[sid][local.date()].append(rules.PunchAt(pid, local, state))
    leave: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for sid, starts, ends in db.session.execute(
            sa.select(LeaveRequest.staff_id, LeaveRequest.starts_on, LeaveRequest.ends_on)
            .where(LeaveRequest.status == LeaveStatus.APPROVED, LeaveRequest.starts_on <= last_day,
                   LeaveRequest.ends_on >= first_day, _staff_filter(LeaveRequest.staff_id, staff_ids))):
        leave[sid].append((starts, ends))
    approved_overtime = dict(((s, d), m) for s, d, m in read(
        sa.select(OvertimeApproval.staff_id, OvertimeApproval.day, OvertimeApproval.minutes)
        .where(OvertimeApproval.day.between(first_day, last_day), _staff_filter(OvertimeApproval.staff_id, staff_ids))))
    holidays = set(db.session.scalars(sa.select(CompanyHoliday.day).where(
        CompanyHoliday.day.between(first_day, last_day), CompanyHoliday.kind == DayKind.HOLIDAY)))
    existing = {(row.staff_id, row.day): row for row in read(
        sa.select(AttendanceDay.id, AttendanceDay.staff_id, AttendanceDay.day, AttendanceDay.version_id,
                  *(getattr(AttendanceDay, f) for f in FIELDS))
        .where(AttendanceDay.day.between(first_day, last_day), _staff_filter(AttendanceDay.staff_id, staff_ids)))}
    people = {s for s, _ in cells} | set(punches) | set(leave) | {s for s, _ in existing}
    home, comprehensive = {}, set()
    if people:
        for sid, dept, by_period in read(sa.select(StaffMember.id, StaffMember.department_id,
                                                   Position.comprehensive_hours)
                                         .outerjoin(Position, Position.id == StaffMember.position_id)
                                         .where(StaffMember.id.in_(people))):
            home[sid] = dept
            if by_period:
                comprehensive.add(sid)

    closes = _closed(first_day, last_day)
    policies = {type_id: rules.Policy(w.checkin_opens, w.checkout_closes, w.grace, settings.overtime_minimum_minutes,
                                      settings.overtime_needs_approval) for type_id, w in windows.items()}
    days = list(_days(lead, last_day))
    shifts: dict[tuple[int, date], rules.Shift | None] = {}  # one Shift per shift type and day, shared
    default_policy = policies[None]
    kind_policy = {t.id: (t.kind.value, policies.get(t.id) or default_policy) for t in types.values()}
    inserts, updates, removed, counts, stamp = [], [], [], Counter(), utcnow()
    for sid in people:
        claimed: set[int] = set()
        by_date = punches.get(sid)
        away = leave.get(sid, ())
        for day in days:
            cell = cells.get((sid, day))
            shift_type = types.get(cell[0]) if cell else None
            shift, policy, kind = None, default_policy, None
            if shift_type is not None:
                kind, policy = kind_policy[shift_type.id]
                key = (shift_type.id, day)
                if key not in shifts:
                    shifts[key] = rules.shift_times(day, shift_type.start_time, shift_type.end_time,
                                                    shift_type.break_minutes) \
                        if shift_type.start_time and shift_type.end_time else None
                shift = shifts[key]
            mine = () if by_date is None else tuple(
                p for d in (day - ONE_DAY, day, day + ONE_DAY) for p in by_date.get(d, ()) if p.id not in claimed)
            result = rules.reconcile_day(rules.DayInput(
                day, kind, shift, mine, now_local, on_leave=any(a <= day <= b for a, b in away),
                holiday=day in holidays, policy=policy))
            if result is not None and (result.in_punch or result.out_punch):
                claimed |= result.used_ids
            if result is not None and sid in comprehensive:
                rules.measured_over_period(result)
            elif result is not None and result.overtime_minutes and not result.overtime_approved:
                result.overtime_approved = result.overtime_minutes <= approved_overtime.get((sid, day), -1)
            if day < first_day:
                continue
            old = existing.get((sid, day))
            departments = {cell[1] if cell else home.get(sid), old.department_id if old is not None else None}
            if closes and any(a <= day <= b for d in departments for a, b in closes.get(d, ())):
                continue
            if result is None:
                if old is not None:
                    removed.append(old.id)
                continue
            values = {"department_id": cell[1] if cell else home.get(sid), "shift_type_id": cell[0] if cell else None,
                      "status": result.status, "late_minutes": result.late_minutes,
                      "early_minutes": result.early_minutes, "worked_minutes": result.worked_minutes,
                      "overtime_minutes": result.overtime_minutes, "overtime_approved": result.overtime_approved,
                      "in_punch_id": result.in_punch.id if result.in_punch else None,
                      "out_punch_id": result.out_punch.id if result.out_punch else None, "flags": result.flags}
            counts[result.status] += 1
            if old is None:
                values.update(staff_id=sid, day=day, reconciled_at=stamp, version_id=1)
                inserts.append(values)
            elif any(getattr(old, f) != values[f] for f in FIELDS):
                values.update(row_id=old.id, version_id=old.version_id + 1, reconciled_at=stamp)
                updates.append(values)
    if inserts:
        insert_rows(AttendanceDay.__table__, inserts)
    if updates:
        table = AttendanceDay.__table__  # Core executemany: the version is bumped here, by hand
        db.session.execute(table.update().where(table.c.id == sa.bindparam("row_id")), updates)
    if removed:
        db.session.execute(sa.delete(AttendanceDay).where(AttendanceDay.id.in_(removed)))
    counts["changed"] = len(inserts) + len(updates) + len(removed)
    if counts["changed"]:
        touched = {row["row_id"] for row in updates} | set(removed)
        changed = [(row["staff_id"], row["day"]) for row in inserts]
        changed += [pair for pair, old in existing.items() if old.id in touched]
        days_reconciled.send(None, days=changed)
    return counts


def reconcile_touched(pairs, now: datetime | None = None) -> Counter:
    """Re-reconcile only the person-days new punches can belong to: each punch's local day and the day before
    (a night shift's check-out falls on the next date). `pairs` are (staff_id, UTC punched_at)."""
    zone = zone_of(company_settings().timezone)
    spans: dict[int, list[date]] = defaultdict(list)
    for sid, at in pairs:
        local_day = _local(at, zone).date()
        spans[sid] += [local_day - timedelta(days=1), local_day]
    return _reconcile_spans(spans, now)


PEOPLE_PER_CALL = 1000  # staff ids per set-based call (keeps IN lists well inside every database's limits)


def _reconcile_spans(spans: dict[int, list[date]], now: datetime | None) -> Counter:
    """Reconcile each person's days between the earliest and latest of theirs: people whose spans are alike are
    read together, set-based (an import of a month for everyone is a handful of calls, not one per person)."""
    by_span: dict[tuple[date, date], list[int]] = defaultdict(list)
    for sid, days in spans.items():
        by_span[(min(days), max(days))].append(sid)
    if len(by_span) > 1 and len(spans) > PEOPLE_PER_CALL // 10:  # many people, scattered days: one wide read
        by_span = {(min(a for a, _ in by_span), max(b for _, b in by_span)): list(spans)}
    total = Counter()
    for (first, last), people in by_span.items():
        for start in range(0, len(people), PEOPLE_PER_CALL):
            total.update(reconcile(first, last, now, staff_ids=people[start:start + PEOPLE_PER_CALL]))
    return total


def reconcile_recent(now: datetime) -> int:
    """The tick: yesterday and today (local) for everyone, so days whose windows have closed turn absent."""
    today = _local(now, zone_of(company_settings().timezone)).date()
    return reconcile(today - timedelta(days=1), today, now)["changed"]


def reconcile_changed_cells(cells, now: datetime | None = None) -> Counter:
    """Re-reconcile the person-days of changed roster cells ((staff_id, day) pairs) up to the company's today:
    a day still ahead has nothing to read yet (the tick reads it when it comes)."""
    zone = zone_of(company_settings().timezone)
    today = _local(now or utcnow(), zone).date()
    spans: dict[int, list[date]] = defaultdict(list)
    for sid, day in cells:
        if day <= today:
            spans[sid].append(day)
    return _reconcile_spans(spans, now)
