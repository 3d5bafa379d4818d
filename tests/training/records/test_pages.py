"""The training record page (hours per year exact, sessions with presence and attempts, certificates with expiry
marks, inductions with overdue marks, the year filter, my own record on a phone) and the inductions list (scope,
overdue first, filters, export)."""
import io
from datetime import date, timedelta
from decimal import Decimal

import lxml.html
import pytest
from openpyxl import load_workbook

from hrapp.blueprints.training.records.induction import assign_inductions, complete_inductions
from hrapp.extensions import db
from hrapp.models import Certificate, InductionReason, Presence

from .conftest import attend


@pytest.fixture(autouse=True)
def english(client):
    client.post("/auth/locale/en")


def doc(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.get_data(as_text=True))


@pytest.fixture
def history(site):
    """李前台: this year etiquette (4 h, failed then passed) and safety (2.5 h), an absence (not counted), last
    year safety (2.5 h); certificates expired, expiring and valid; an overdue and an open induction."""
    o, this_year = site, site.today.year
    last_year_day = date(this_year - 1, 6, 15)
    o.first, _e, o.failed = attend(o.etiquette, o.desk_staff, date(this_year, 3, 2), score="40")
    o.second, _e, o.passed = attend(o.etiquette, o.desk_staff, date(this_year, 3, 20), score="85", number=2)
    attend(o.safety, o.desk_staff, date(this_year, 4, 1))
    attend(o.safety, o.desk_staff, date(this_year, 5, 1), presence=Presence.ABSENT)
    attend(o.safety, o.desk_staff, last_year_day)
    for n, expires in ((3, o.today - timedelta(days=1)), (4, o.today + timedelta(days=10)),
                       (0, o.today + timedelta(days=200))):
        attempt = attend(o.etiquette, o.desk_staff, last_year_day, score="90", number=n)[2] if n else o.passed
        db.session.add(Certificate(number=f"CERT-{n}", attempt_id=attempt.id,
                                   staff_id=o.desk_staff.id, course_id=o.etiquette.id, issued_on=last_year_day,
                                   expires_on=expires))
    assign_inductions(o.desk_staff, o.desk_job.id, o.today - timedelta(days=20), InductionReason.HIRE)
    db.session.commit()
    return o


def test_the_record_shows_hours_sessions_certificates_and_inductions(client, auth, history):
    o = history
    auth.login("head")
    page = doc(client.get(f"/training/records/{o.desk_staff.id}"))
    hours = {li.get("data-year"): li.get("data-hours") for li in page.xpath("//ul[@id='hours-per-year']/li")}
    assert Decimal(hours[str(o.today.year)]) == Decimal("10.5")  # 4 + 4 + 2.5 (the absence not counted)
    assert Decimal(hours[str(o.today.year - 1)]) == Decimal("10.5")  # 2.5 + 2 × 4
    card = page.xpath(f"//div[@data-session-id='{o.second.id}']")[0]
    assert card.xpath(".//*[@data-passed]")[0].get("data-passed") == "yes"
    assert "85.0 of 100.0" in card.text_content() or "85 of 100" in card.text_content()
    assert page.xpath(f"//div[@data-session-id='{o.first.id}']//*[@data-passed]")[0].get("data-passed") == "no"
    assert sorted(c.get("data-state") for c in page.xpath("//div[@data-certificate-id]")) == \
        ["expired", "expiring", "valid"]
    inductions = {c.get("data-state") for c in page.xpath("//div[@data-induction-id]")}
    assert inductions == {"overdue", "open"}  # safety due after 14 days (overdue), etiquette after 30
    assert not page.xpath("//a[contains(@href, '/waive')]") and not page.xpath("//a[@id='record-pdf']")  # HR's


def test_changing_a_course_s_hours_leaves_past_years_alone(client, auth, history):
    """Sessions keep the hours they were set up with: a course made longer later rewrites no record."""
    o = history
    o.etiquette.hours = Decimal("8.0")
    db.session.commit()
    auth.login("hr")
    page = doc(client.get(f"/training/records/{o.desk_staff.id}"))
    hours = {li.get("data-year"): li.get("data-hours") for li in page.xpath("//ul[@id='hours-per-year']/li")}
    assert Decimal(hours[str(o.today.year)]) == Decimal("10.5")


def test_the_year_filter_keeps_hours_and_narrows_the_sessions(client, auth, history):
    o = history
    auth.login("staff")
    page = doc(client.get(f"/training/records/mine?year={o.today.year - 1}"))
    sessions = page.xpath("//div[@data-session-id]")
    assert len(sessions) == 3 and all(str(o.today.year - 1) in s.text_content() for s in sessions)
    assert len(page.xpath("//ul[@id='hours-per-year']/li")) == 2
    empty = doc(client.get("/training/records/mine?year=1999"))
    assert empty.xpath("//*[@id='no-sessions']")
    for garbled in ("abcd", "9999", "0"):  # all years
        assert len(doc(client.get(f"/training/records/mine?year={garbled}")).xpath("//div[@data-session-id]")) == 7


def test_hr_sees_the_waive_button_and_an_account_without_staff_is_told(client, auth, history):
    auth.login("hr")
    page = doc(client.get(f"/training/records/{history.desk_staff.id}"))
    assert len(page.xpath("//a[contains(@href, '/waive')]")) == 2
    assert page.xpath("//a[@id='record-pdf']")[0].get("href") == \
        f"/reports/issue/training-record/{history.desk_staff.id}"
    assert doc(client.get("/training/records/mine")).xpath("//*[@id='no-staff-record']")


def test_my_record_on_a_phone_has_no_wide_table(client, auth, history):
    auth.login("staff")
    page = doc(client.get("/training/records/mine"))
    assert page.xpath("//*[@id='training-record']") and not page.xpath("//table")
    assert page.xpath("//a[@id='nav-my-training']") and not page.xpath("//a[@id='nav-inductions']")


def test_an_empty_record(client, auth, site):
    auth.login("other")
    page = doc(client.get("/training/records/mine"))
    assert all(page.xpath(f"//*[@id='{i}']") for i in ("no-hours", "no-sessions", "no-certificates", "no-inductions"))


@pytest.fixture
def open_ones(site):
    o = site
    assign_inductions(o.desk_staff, o.desk_job.id, o.today - timedelta(days=20), InductionReason.HIRE)
    assign_inductions(o.hk_staff, o.hk_job.id, o.today, InductionReason.HIRE)
    db.session.commit()
    return o


def rows(page) -> list[tuple[str, str]]:
    return [(tr.xpath("./td[3]")[0].text_content().split()[0], tr.get("data-overdue"))
            for tr in page.xpath("//tr[@data-induction-id]")]


def test_the_inductions_list_overdue_first_in_scope(client, auth, open_ones):
    auth.login("hr")
    assert rows(doc(client.get("/training/inductions"))) == [("C-SAFE", "yes"), ("C-ETQ", "no"), ("C-SAFE", "no")]
    auth.logout()
    auth.login("head")
    assert rows(doc(client.get("/training/inductions"))) == [("C-SAFE", "yes"), ("C-ETQ", "no")]
    auth.logout()
    auth.login("hkhead")
    assert rows(doc(client.get("/training/inductions"))) == [("C-SAFE", "no")]


def test_the_inductions_filters_and_export(client, auth, open_ones):
    o = open_ones
    auth.login("hr")
    assert rows(doc(client.get("/training/inductions?overdue=1"))) == [("C-SAFE", "yes")]
    assert rows(doc(client.get(f"/training/inductions?course={o.etiquette.id}"))) == [("C-ETQ", "no")]
    assert len(rows(doc(client.get(f"/training/inductions?department={o.front.id}")))) == 2
    bad = doc(client.get("/training/inductions?department=x"))
    assert bad.xpath("//*[@id='filter-errors']") and len(rows(bad)) == 3
    none = doc(client.get(f"/training/inductions?department={o.housekeeping.id}&course={o.etiquette.id}"))
    assert none.xpath("//*[@id='no-inductions']")
    export = client.get(f"/training/inductions/export.xlsx?department={o.front.id}")
    assert export.status_code == 200 and export.headers["Cache-Control"] == "no-store"
    sheet = load_workbook(io.BytesIO(export.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 3 and values[1][0] == o.desk_staff.staff_number and values[1][-1] == "Overdue"


def test_a_waived_or_done_assignment_leaves_the_list(client, auth, open_ones):
    o = open_ones
    complete_inductions(o.hk_staff.id, o.safety.id, o.today)
    db.session.commit()
    auth.login("hkhead")
    assert doc(client.get("/training/inductions")).xpath("//*[@id='no-inductions']")
