"""Roster set-up services: shift types, demand, the company holiday calendar, rule settings, absences."""
from dataclasses import dataclass
from datetime import date, time, timedelta

import chinese_calendar
import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.rules import RuleSettings, ShiftTypeData, settings_problems, shift_type_problems
from hrapp.blueprints.roster.services.calendar_years import RULE_YEARS_AHEAD, last_official_year, rule_days
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.core.errors import StaleRecord, check_version
from hrapp.extensions import db
from hrapp.models import (
    CompanyHoliday,
    DayKind,
    Department,
    HolidaySource,
    RosterDemand,
    RosterRuleSettings,
    ShiftKind,
    ShiftType,
)

SHIFT_FIELDS = ("code", "name", "name_en", "kind", "start_time", "end_time", "break_minutes", "colour",
                "is_night", "counts_as_workday", "is_active")
SETTINGS_FIELDS = ("min_rest_minutes", "max_consecutive_days", "max_weekly_minutes", "comprehensive_hours",
                   "soft_rules")


def _shift_snapshot(row: ShiftType) -> dict:
    # audit.snapshot() leaves datetime.time as is, which JSON cannot store.
    snap = audit.snapshot(row, SHIFT_FIELDS)
    return {k: v.isoformat(timespec="minutes") if isinstance(v, time) else v for k, v in snap.items()}


def save_shift_type(actor, department: Department, data: ShiftTypeData,
                    shift_type: ShiftType | None = None) -> ShiftType:
    """Create a shift type for `department`, or update `shift_type`, after validation; audited.

    Rest and leave markers keep no times. :raise RosterValidationError: bad values or a duplicate code.
    """
    problems = shift_type_problems(data)
    clash = db.session.scalar(sa.select(ShiftType.id).where(ShiftType.department_id == department.id,
                                                            ShiftType.code == data.code))
    if clash is not None and (shift_type is None or clash != shift_type.id):
        problems.setdefault("code", []).append("duplicate_code")
    if problems:
        raise RosterValidationError.from_codes(problems)
    is_work = data.kind == ShiftKind.WORK
    row = shift_type or ShiftType(department_id=department.id)
    before = _shift_snapshot(row) if shift_type else None
    row.code, row.name, row.name_en, row.kind = data.code, data.name.strip(), data.name_en.strip(), ShiftKind(data.kind)
    row.start_time, row.end_time = (data.start, data.end) if is_work else (None, None)
    row.break_minutes = data.break_minutes if is_work else 0
    row.colour, row.is_night = data.colour, data.is_night and is_work
    row.counts_as_workday = data.counts_as_workday and is_work
    if shift_type is None:
        row.sort_order = 1 + (db.session.scalar(sa.select(sa.func.max(ShiftType.sort_order))
                                                .where(ShiftType.department_id == department.id)) or 0)
    db.session.add(row)
    after = _shift_snapshot(row)
    audit.record(actor, "shift_type.update" if shift_type else "shift_type.create", row,
                 *(audit.changed_only(before, after) if before else (None, after)))
    return row


def set_shift_type_active(actor, shift_type: ShiftType, active: bool, expected_version: int | None = None) -> None:
    """Retire (or bring back) a shift type; retired types stay on the cells that use them.

    :raise StaleRecord: the shift type changed since `expected_version` (None: no check).
    """
    check_version(shift_type, expected_version)
    shift_type.is_active = active
    audit.record(actor, "shift_type.update", shift_type, {"is_active": not active}, {"is_active": active})


def set_demand(actor, department: Department, shift_type: ShiftType, required: int,
               weekday: int | None = None, on_date: date | None = None) -> RosterDemand:
    """Set how many people `shift_type` needs on a weekday (0 = Monday) or on one date; audited.

    :raise RosterValidationError: required < 0, or not exactly one of weekday/on_date.
    """
    if required < 0:
        raise RosterValidationError.of("required", "demand_negative")
    if (weekday is None) == (on_date is None) or (weekday is not None and not 0 <= weekday <= 6):
        raise RosterValidationError.of("weekday", "demand_weekday_or_date")
    row = db.session.scalar(sa.select(RosterDemand).where(
        RosterDemand.shift_type_id == shift_type.id,
        RosterDemand.weekday.is_(None) if weekday is None else RosterDemand.weekday == weekday,
        RosterDemand.on_date.is_(None) if on_date is None else RosterDemand.on_date == on_date))
    before = {"required": row.required} if row else None
    if row is None:
        row = RosterDemand(department_id=department.id, shift_type_id=shift_type.id, weekday=weekday,
                           on_date=on_date)
        db.session.add(row)
    row.required = required
    audit.record(actor, "roster_demand.set", row, before,
                 {"shift": shift_type.code, "weekday": weekday, "on_date": on_date and on_date.isoformat(),
                  "required": required}, label=department.code)
    return row


class CompanyCalendar:
    """Audit target of calendar-wide actions (a sync touches many rows)."""

    id = None


@dataclass(frozen=True)
class HolidaySync:
    added: int
    updated: int
    removed: int
    kept_overrides: int
    provisional: bool = False  # the year came from the statutory rules, not the official schedule


def library_days(year: int) -> dict[date, tuple[DayKind, str, bool]]:
    """The `chinesecalendar` library's holidays and adjusted working days of `year`: day -> (kind, name, in lieu).

    :raise RosterValidationError: the installed library does not cover `year`.
    """
    out: dict[date, tuple[DayKind, str, bool]] = {}
    day = date(year, 1, 1)
    try:
        while day.year == year:
            is_holiday, name = chinese_calendar.get_holiday_detail(day)
            if is_holiday and name:
                out[day] = (DayKind.HOLIDAY, name, chinese_calendar.is_in_lieu(day))
            elif not is_holiday and day.weekday() >= 5:
                out[day] = (DayKind.WORKDAY, name or "", False)
            day += timedelta(days=1)
    except NotImplementedError as exc:
        raise RosterValidationError.of("year", "year_not_covered", year=year) from exc
    return out


def sync_company_holidays(actor, year: int) -> HolidaySync:
    """Bring the library's entries for `year` into CompanyHoliday; HR's own entries are never touched.

    Up to RULE_YEARS_AHEAD years after the official schedule's last one, the statutory holidays come by
    rule, stored as provisional (source RULES) and replaced by the official entries on the first sync
    that has them.

    :raise RosterValidationError: a year neither the official schedule nor the rules cover.
    """
    provisional = last_official_year() < year <= last_official_year() + RULE_YEARS_AHEAD
    wanted = rule_days(year) if provisional else library_days(year)
    source = HolidaySource.RULES if provisional else HolidaySource.LIBRARY
    rows = {r.day: r for r in db.session.scalars(sa.select(CompanyHoliday).where(
        CompanyHoliday.day.between(date(year, 1, 1), date(year, 12, 31))))}
    added = updated = removed = kept = 0
    for day, row in rows.items():
        if row.source == HolidaySource.HR:
            kept += 1
        elif day not in wanted:
            db.session.delete(row)
            removed += 1
    for day, (kind, name, in_lieu) in wanted.items():
        row = rows.get(day)
        if row is None:
            db.session.add(CompanyHoliday(day=day, kind=kind, name=name, in_lieu=in_lieu, source=source))
            added += 1
        elif row.source != HolidaySource.HR and (row.kind, row.name, row.in_lieu, row.source) != (
                kind, name, in_lieu, source):
            row.kind, row.name, row.in_lieu, row.source = kind, name, in_lieu, source
            updated += 1
    result = HolidaySync(added, updated, removed, kept, provisional)
    audit.record(actor, "holiday.sync", CompanyCalendar(), None, {"year": year, **result.__dict__}, label=str(year))
    return result


def set_company_day(actor, day: date, kind: DayKind, name: str = "") -> CompanyHoliday:
    """HR's entry for `day` (a holiday, an adjusted working day, or NORMAL to cancel a library entry); audited.

    HR entries survive every later sync.
    """
    row = db.session.scalar(sa.select(CompanyHoliday).where(CompanyHoliday.day == day))
    before = audit.snapshot(row, ("kind", "name", "source")) if row else None
    if row is None:
        row = CompanyHoliday(day=day)
        db.session.add(row)
    row.kind, row.name, row.source, row.in_lieu = kind, name.strip()[:60], HolidaySource.HR, False
    audit.record(actor, "holiday.set", row, before, audit.snapshot(row, ("kind", "name", "source")),
                 label=day.isoformat())
    return row


def rule_settings_version() -> int:
    """The version of the stored roster rules an edit form carries (0 while the defaults apply)."""
    return db.session.scalar(sa.select(RosterRuleSettings.version_id).limit(1)) or 0


def update_rule_settings(actor, settings: RuleSettings, expected_version: int | None = None) -> RosterRuleSettings:
    """Store the company's roster rules (creating the row on first use); audited.

    :raise StaleRecord: the rules were saved by someone else since `expected_version` (None: no check).
    :raise RosterValidationError: a value out of range or an unknown soft rule.
    """
    if expected_version is not None and expected_version != rule_settings_version():
        raise StaleRecord()
    problems = settings_problems(settings)
    if problems:
        raise RosterValidationError.from_codes(problems)
    row = db.session.scalar(sa.select(RosterRuleSettings).limit(1))
    before = audit.snapshot(row, SETTINGS_FIELDS) if row else None
    if row is None:
        row = RosterRuleSettings()
        db.session.add(row)
    row.min_rest_minutes, row.max_consecutive_days = settings.min_rest_minutes, settings.max_consecutive_days
    row.max_weekly_minutes, row.comprehensive_hours = settings.max_weekly_minutes, settings.comprehensive_hours
    row.soft_rules = sorted(settings.soft_rules)
    audit.record(actor, "roster_rules.update", row, before, audit.snapshot(row, SETTINGS_FIELDS), label="rules")
    return row


