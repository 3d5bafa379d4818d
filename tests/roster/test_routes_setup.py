"""Set-up pages: shift types, demand, company holidays, rule settings and rest-owed adjustments; each form
re-renders with the services' messages on bad input."""
import re
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.roster.services import rest_owed_balance, rule_settings
from hrapp.extensions import db
from hrapp.models import CompanyHoliday, DayKind, HolidaySource, RestOwedEntry, RosterDemand, ShiftKind, ShiftType
from tests.forms_html import forms_on

SHIFT = {"code": "晚", "name": "晚班", "name_en": "Evening", "kind": "work", "start_time": "16:00",
         "end_time": "00:30", "break_minutes": "30", "colour": "#123456", "is_night": "y", "counts_as_workday": "y"}


def invalid_fields(body: str) -> set[str]:
    """Names of the fields rendered as invalid."""
    return set(re.findall(r'class="[^"]*is-invalid[^"]*"[^>]*name="([^"]+)"', body)) | set(
        re.findall(r'name="([^"]+)"[^>]*class="[^"]*is-invalid', body))


class TestShiftTypes:
    def test_create_a_night_shift_crossing_midnight(self, client, auth, world):
        auth.login("head")
        response = client.post(f"/roster/departments/{world.front.id}/shift-types/new", data=SHIFT)
        assert response.status_code == 302
        row = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "晚"))
        assert (row.start_time.hour, row.end_time.minute, row.is_night, row.colour) == (16, 30, True, "#123456")
        listing = client.get(f"/roster/departments/{world.front.id}/shift-types").get_data(as_text=True)
        assert f'data-shift-type="{row.id}"' in listing and "shift-c-123456" in listing
        css = client.get("/roster/shift-colours.css")
        assert css.mimetype == "text/css" and ".shift-c-123456{background-color:#123456;color:#fff}" in css.text

    @pytest.mark.parametrize("changes, field", [
        ({"end_time": "16:00"}, "end_time"),  # ends when it starts
        ({"start_time": "09:00", "end_time": "10:00", "break_minutes": "60"}, "break_minutes"),  # break >= shift
        ({"break_minutes": "-5"}, "break_minutes"),
        ({"start_time": ""}, "start_time"),
        ({"code": "早"}, "code"),  # the department has one already
        ({"code": "a b"}, "code"),
    ])
    def test_bad_input_comes_back_with_the_services_message(self, client, auth, world, changes, field):
        auth.login("head")
        response = client.post(f"/roster/departments/{world.front.id}/shift-types/new", data=SHIFT | changes)
        assert response.status_code == 200
        assert field in invalid_fields(response.get_data(as_text=True))
        assert db.session.scalar(sa.select(sa.func.count(ShiftType.id))) == len(world.types)

    def test_rest_marker_keeps_no_times(self, client, auth, world):
        auth.login("head")
        data = SHIFT | {"code": "休2", "kind": "rest", "start_time": "", "end_time": ""}
        assert client.post(f"/roster/departments/{world.front.id}/shift-types/new", data=data).status_code == 302
        row = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "休2"))
        assert row.kind == ShiftKind.REST and row.start_time is None

    def test_edit_with_a_stale_version_is_a_conflict(self, client, auth, world):
        auth.login("head")
        shift = world.types["早"]
        url = f"/roster/shift-types/{shift.id}/edit"
        assert 'name="version_id"' in client.get(url).get_data(as_text=True)
        data = SHIFT | {"code": "早", "version_id": str(shift.version_id)}
        assert client.post(url, data=data).status_code == 302
        assert client.post(url, data=data | {"name": "again"}).status_code == 409  # the version moved on

    def test_retire_and_bring_back(self, client, auth, world):
        auth.login("head")
        shift = world.types["中"]
        assert client.post(f"/roster/shift-types/{shift.id}/retire").status_code == 409  # no version: stale
        assert db.session.get(ShiftType, shift.id).is_active is True
        version = db.session.get(ShiftType, shift.id).version_id
        assert client.post(f"/roster/shift-types/{shift.id}/retire", data={"version_id": version}).status_code == 302
        assert db.session.get(ShiftType, shift.id).is_active is False
        page = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
        assert 'data-code="中"' not in page.split('id="palette"')[1].split("</div>")[0]
        version = db.session.get(ShiftType, shift.id).version_id
        assert client.post(f"/roster/shift-types/{shift.id}/restore", data={"version_id": version}).status_code == 302
        assert db.session.get(ShiftType, shift.id).is_active is True


def demand_version(client, department_id: int) -> dict:
    url = f"/roster/departments/{department_id}/demand"
    page = client.get(url).get_data(as_text=True)
    return {"version_id": next(f for f in forms_on(page, url) if f.action == url).value("version_id")}


class TestDemand:
    def test_weekly_matrix_saves_changed_figures(self, client, auth, world):
        auth.login("head")
        early = world.types["早"].id
        assert f'name="d_{early}_0"' in client.get(f"/roster/departments/{world.front.id}/demand").get_data(
            as_text=True)
        data = {f"d_{t.id}_{w}": "0" for t in world.types.values() if t.kind == ShiftKind.WORK for w in range(7)}
        stale = client.post(f"/roster/departments/{world.front.id}/demand", data=data | {f"d_{early}_5": "3"})
        assert stale.status_code == 200 and db.session.scalar(sa.select(sa.func.count(RosterDemand.id))) == 0
        version = demand_version(client, world.front.id)
        response = client.post(f"/roster/departments/{world.front.id}/demand",
                               data=data | version | {f"d_{early}_5": "3"})
        assert response.status_code == 302
        again = client.post(f"/roster/departments/{world.front.id}/demand", data=data | version | {f"d_{early}_5": "4"})
        assert again.status_code == 200  # the same page saved twice: the figures moved on, refused as stale
        rows = db.session.scalars(sa.select(RosterDemand)).all()
        assert [(r.shift_type_id, r.weekday, r.required) for r in rows] == [(early, 5, 3)]

    def test_negative_demand_is_refused_on_its_field(self, client, auth, world):
        auth.login("head")
        early = world.types["早"].id
        data = {f"d_{t.id}_{w}": "0" for t in world.types.values() if t.kind == ShiftKind.WORK for w in range(7)}
        response = client.post(f"/roster/departments/{world.front.id}/demand",
                               data=data | demand_version(client, world.front.id) | {f"d_{early}_2": "-1"})
        assert response.status_code == 200
        assert f"d_{early}_2" in invalid_fields(response.get_data(as_text=True))
        assert db.session.scalar(sa.select(sa.func.count(RosterDemand.id))) == 0

    def test_demand_for_one_date(self, client, auth, world):
        auth.login("head")
        url = f"/roster/departments/{world.front.id}/demand/date"
        data = {"shift_type_id": world.types["夜"].id, "on_date": "2030-10-01", "required": "4"}
        bad = client.post(url, data=data | {"required": "-2"})
        assert bad.status_code == 200 and "required" in invalid_fields(bad.get_data(as_text=True))
        assert client.post(url, data=data).status_code == 302
        page = client.get(f"/roster/departments/{world.front.id}/demand").get_data(as_text=True)
        assert 'id="dated-demand"' in page and "2030-10-01" in page


class TestCompanySettings:
    def test_sync_a_year_and_set_a_day(self, client, auth, world):
        auth.login("hr")
        assert client.post("/roster/settings/holidays/sync", data={"year": "2026"}).status_code == 302
        page = client.get("/roster/settings/holidays?year=2026").get_data(as_text=True)
        assert 'data-day="2026-10-01" data-kind="holiday" data-source="library"' in page
        response = client.post("/roster/settings/holidays/day", data={"day": "2026-06-18", "kind": "holiday",
                                                                      "name": "店庆"})
        assert response.status_code == 302
        row = db.session.scalar(sa.select(CompanyHoliday).where(CompanyHoliday.name == "店庆"))
        assert row.source == HolidaySource.HR and row.kind == DayKind.HOLIDAY

    def test_sync_of_an_uncovered_year_says_so(self, client, auth, world):
        auth.login("hr")
        response = client.post("/roster/settings/holidays/sync", data={"year": "2099"})
        assert response.status_code == 200 and "year" in invalid_fields(response.get_data(as_text=True))
        bad_day = client.post("/roster/settings/holidays/day", data={"day": "someday", "kind": "holiday"})
        assert bad_day.status_code == 200 and "day" in invalid_fields(bad_day.get_data(as_text=True))

    def test_rules_round_trip_and_bad_values(self, client, auth, world):
        auth.login("hr")
        page = client.get("/roster/settings/rules").get_data(as_text=True)
        assert 'value="11.00"' in page  # 660 minutes shown as hours
        data = {"min_rest_hours": "12", "max_consecutive_days": "5", "max_weekly_hours": "40",
                "soft_rules": ["understaffed", "weekly_hours_exceeded"]}
        assert client.post("/roster/settings/rules", data=data).status_code == 200  # no version: refused as stale
        assert client.post("/roster/settings/rules", data=data | {"version_id": "0"}).status_code == 302
        assert client.post("/roster/settings/rules", data=data | {"version_id": "0"}).status_code == 200  # now stale
        data["version_id"] = "1"
        settings = rule_settings()
        assert (settings.min_rest_minutes, settings.max_weekly_minutes) == (720, 2400)
        assert settings.soft_rules == {"understaffed", "weekly_hours_exceeded"}
        bad = client.post("/roster/settings/rules", data=data | {"min_rest_hours": "30", "max_consecutive_days": "0",
                                                                 "soft_rules": ["on_leave"]})
        assert bad.status_code == 200
        assert {"min_rest_hours", "max_consecutive_days"} <= invalid_fields(bad.get_data(as_text=True))
        assert rule_settings().min_rest_minutes == 720


class TestRestOwed:
    def test_balances_ledger_and_hr_adjustment(self, client, auth, world):
        auth.login("head")
        page = client.get(f"/roster/departments/{world.front.id}/rest-owed?staff={world.b.id}").get_data(as_text=True)
        assert f'data-staff="{world.b.id}"' in page and 'id="ledger"' in page and 'id="adjust-form"' not in page
        auth.logout()
        auth.login("hr")
        url = f"/roster/departments/{world.front.id}/rest-owed/adjust"
        data = {"staff_id": world.b.id, "days": "-1", "on": "2026-03-20", "note": "补休"}
        zero = client.post(url, data=data | {"days": "0"})
        assert zero.status_code == 200 and "days" in invalid_fields(zero.get_data(as_text=True))
        no_note = client.post(url, data=data | {"note": ""})
        assert no_note.status_code == 200 and "note" in invalid_fields(no_note.get_data(as_text=True))
        elsewhere = client.post(url, data=data | {"staff_id": world.hk_staff.id})
        assert elsewhere.status_code == 404  # not a person of this department
        assert client.post(url, data=data).status_code == 302
        assert rest_owed_balance(world.b.id) == Decimal(-1)
        assert db.session.scalar(sa.select(RestOwedEntry.note)) == "补休"
