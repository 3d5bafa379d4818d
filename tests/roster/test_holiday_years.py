"""Holidays of a year the official schedule does not cover yet: statutory holidays by rule, marked
provisional; rosters in a provisional or unknown year warn; HR's adjusted working days are honoured."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.roster.services import (
    YearStatus,
    create_roster,
    roster_grid,
    sync_company_holidays,
    year_status,
)
from hrapp.blueprints.roster.services.calendar_years import rule_days
from hrapp.extensions import db
from hrapp.models import CompanyHoliday, DayKind, HolidaySource, PeriodKind

FEB_2027 = date(2027, 2, 1)


def test_rule_days_of_2027_have_spring_festival_under_its_official_name():
    days = rule_days(2027)
    assert days[date(2027, 2, 6)] == (DayKind.HOLIDAY, "Spring Festival", False)
    assert days[date(2027, 2, 9)] == (DayKind.HOLIDAY, "Spring Festival", True)  # moved rest day (补假)
    assert days[date(2027, 10, 1)][1] == "National Day"


def test_sync_of_2027_stores_spring_festival_as_provisional(org):
    result = sync_company_holidays(org.hr, 2027)
    assert result.provisional and result.added > 10
    row = db.session.scalar(sa.select(CompanyHoliday).where(CompanyHoliday.day == date(2027, 2, 6)))
    assert (row.kind, row.name, row.source) == (DayKind.HOLIDAY, "Spring Festival", HolidaySource.RULES)
    assert year_status(2027) == YearStatus.PROVISIONAL
    assert year_status(2028) == YearStatus.UNKNOWN
    sync_company_holidays(org.hr, 2026)
    assert year_status(2026) == YearStatus.OFFICIAL


def test_sync_page_says_the_year_is_provisional_and_names_holidays_in_chinese(client, auth, org):
    auth.login("hr")
    response = client.post("/roster/settings/holidays/sync", data={"year": "2027"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="calendar-warning"' in page and 'data-years="2027"' in page
    assert 'data-day="2027-02-06" data-kind="holiday" data-source="rules"' in page
    assert "春节" in page and "Spring Festival" not in page
    client.post("/auth/locale/en")
    english = client.get("/roster/settings/holidays?year=2027").get_data(as_text=True)
    assert "Spring Festival" in english and "春节" not in english


def test_roster_page_of_feb_2027_warns_about_the_provisional_year(client, auth, org):
    sync_company_holidays(org.hr, 2027)
    roster = create_roster(org.head, org.front, PeriodKind.MONTH, FEB_2027)
    db.session.commit()
    auth.login("head")
    page = client.get(f"/roster/{roster.id}").get_data(as_text=True)
    assert 'id="calendar-warning"' in page and 'data-years="2027"' in page
    assert 'title="春节"' in page


def test_roster_in_a_year_never_synced_warns_it_is_unknown(client, auth, org):
    roster = create_roster(org.head, org.front, PeriodKind.MONTH, FEB_2027)
    db.session.commit()
    auth.login("head")
    page = client.get(f"/roster/{roster.id}").get_data(as_text=True)
    assert 'data-unknown="2027"' in page


def test_roster_in_an_official_year_has_no_warning(client, auth, org):
    sync_company_holidays(org.hr, 2026)
    roster = create_roster(org.head, org.front, PeriodKind.MONTH, date(2026, 3, 1))
    db.session.commit()
    auth.login("head")
    assert 'id="calendar-warning"' not in client.get(f"/roster/{roster.id}").get_data(as_text=True)


def test_hr_adjusted_workday_is_honoured_and_survives_a_resync(client, auth, org):
    sync_company_holidays(org.hr, 2027)
    db.session.commit()
    auth.login("hr")
    response = client.post("/roster/settings/holidays/day", data={"day": "2027-02-20", "kind": "workday",
                                                                  "name": "春节调休"})
    assert response.status_code == 302
    sync_company_holidays(org.hr, 2027)
    roster = create_roster(org.head, org.front, PeriodKind.MONTH, FEB_2027)
    kinds = {d.day: d.kind for d in roster_grid(roster).days}
    assert kinds[date(2027, 2, 20)] == "workday" and kinds[date(2027, 2, 6)] == "holiday"
    assert kinds[date(2027, 2, 21)] == "normal"
