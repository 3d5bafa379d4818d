"""Roster set-up services: shift types, demand, holidays from the library with HR overrides, rule settings."""
from dataclasses import replace
from datetime import date, time

import pytest
import sqlalchemy as sa

from hrapp.blueprints.roster.rules import WORK, RuleSettings, ShiftTypeData
from hrapp.blueprints.roster.services import (
    RosterValidationError,
    demand_for,
    library_days,
    rule_settings,
    save_shift_type,
    set_company_day,
    set_demand,
    sync_company_holidays,
    update_rule_settings,
)
from hrapp.extensions import db
from hrapp.models import AuditEntry, CompanyHoliday, DayKind, HolidaySource, RosterDemand, ShiftType
from tests.conftest import count
from tests.leave.fixtures import write_leave


def test_shift_type_saved_and_audited(world):
    night = world.types["夜"]
    assert (night.start_time, night.end_time, night.is_night) == (time(22), time(6), True)
    assert world.types["休"].start_time is None
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "shift_type.create")) == 5


@pytest.mark.parametrize(("kw", "field"), [
    ({"end": time(7)}, "end"),                # ends when it starts
    ({"break_minutes": 480}, "break_minutes"),  # break as long as the shift
    ({"code": "早"}, "code"),                  # duplicate in the department
])
def test_bad_shift_types_are_rejected_and_nothing_saved(world, kw, field):
    before = count(ShiftType)
    data = ShiftTypeData(**({"code": "X", "name": "X班", "kind": WORK, "start": time(7), "end": time(15),
                             "break_minutes": 30} | kw))
    with pytest.raises(RosterValidationError) as err:
        save_shift_type(world.hr, world.front, data)
    assert field in err.value.errors and str(err.value.errors[field][0])
    db.session.rollback()
    assert count(ShiftType) == before


def test_same_code_in_another_department_is_fine(world):
    """A code is unique per department: the front office's 早 does not block housekeeping's, but a second
    早 in housekeeping is refused."""
    early = ShiftTypeData("早", "早班", WORK, time(8), time(16), 60)
    saved = save_shift_type(world.hr, world.housekeeping, early)
    db.session.commit()
    rows = db.session.execute(sa.select(ShiftType.department_id, ShiftType.start_time)
                              .where(ShiftType.code == "早").order_by(ShiftType.id)).all()
    assert rows == [(world.front.id, time(7)), (world.housekeeping.id, time(8))]
    assert saved.department_id == world.housekeeping.id and saved.id != world.types["早"].id

    with pytest.raises(RosterValidationError) as err:
        save_shift_type(world.hr, world.housekeeping, replace(early, name="另一个早班"))
    assert list(err.value.errors) == ["code"] and str(err.value.errors["code"][0])
    db.session.rollback()
    assert count(ShiftType) == len(world.types) + 1


def test_demand_weekday_default_and_date_override(world):
    set_demand(world.head, world.front, world.types["早"], 3, weekday=0)
    set_demand(world.head, world.front, world.types["早"], 5, on_date=date(2026, 3, 9))  # a Monday
    set_demand(world.head, world.front, world.types["早"], 4, weekday=0)  # updates the default
    db.session.commit()
    demand = demand_for(world.front.id, date(2026, 3, 1), date(2026, 3, 31))
    assert demand[(date(2026, 3, 2), "早")] == 4 and demand[(date(2026, 3, 9), "早")] == 5
    assert (date(2026, 3, 3), "早") not in demand
    assert count(RosterDemand) == 2


def test_negative_demand_rejected(world):
    with pytest.raises(RosterValidationError) as err:
        set_demand(world.head, world.front, world.types["早"], -1, weekday=0)
    assert "required" in err.value.errors
    with pytest.raises(RosterValidationError):
        set_demand(world.head, world.front, world.types["早"], 1)  # neither weekday nor date
    assert count(RosterDemand) == 0


def test_library_covers_2026():
    days = library_days(2026)
    assert days[date(2026, 10, 1)][0] == DayKind.HOLIDAY
    assert days[date(2026, 2, 17)] == (DayKind.HOLIDAY, "Spring Festival", False)
    assert days[date(2026, 2, 14)][0] == DayKind.WORKDAY  # 调休上班 on a Saturday
    assert date(2026, 3, 7) not in days  # an ordinary Saturday


def test_year_not_covered():
    with pytest.raises(RosterValidationError):
        library_days(1990)


def test_sync_keeps_hr_overrides(world):
    set_company_day(world.hr, date(2026, 10, 8), DayKind.HOLIDAY, "公司庆典")
    set_company_day(world.hr, date(2026, 10, 1), DayKind.NORMAL, "")  # HR decides: a working day here
    first = sync_company_holidays(world.hr, 2026)
    db.session.commit()
    assert first.added > 20 and first.kept_overrides == 2
    again = sync_company_holidays(world.hr, 2026)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    oct1 = db.session.scalar(sa.select(CompanyHoliday).where(CompanyHoliday.day == date(2026, 10, 1)))
    assert oct1.kind == DayKind.NORMAL and oct1.source == HolidaySource.HR
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "holiday.sync")) == 2


def test_rule_settings_default_then_stored(world):
    assert rule_settings() == RuleSettings()
    update_rule_settings(world.hr, RuleSettings(min_rest_minutes=12 * 60, comprehensive_hours=True))
    db.session.commit()
    assert rule_settings().min_rest_minutes == 720 and rule_settings().comprehensive_hours
    with pytest.raises(RosterValidationError):
        update_rule_settings(world.hr, RuleSettings(max_consecutive_days=0))


def test_leave_dates_checked_by_the_database(world):
    """A leave request ending before it starts is refused by the table's check constraint."""
    with pytest.raises(sa.exc.IntegrityError):
        write_leave(world.b, date(2026, 3, 5), date(2026, 3, 4))
