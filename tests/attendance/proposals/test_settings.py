"""The penalty route on HR's attendance settings page: shown with its explanation, saved and audited in words,
an unknown value refused, a stale page refused with nothing lost; switching to payroll stops the proposals."""
import sqlalchemy as sa

from hrapp.blueprints.attendance.proposals import penalised_by_conduct
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.extensions import db
from hrapp.models import AttendanceSettings, AuditEntry, PenaltyRoute

from .conftest import first_day_with, proposals, punch, utc

VALID = {"web_punch_networks": "", "checkin_opens_minutes": "120", "checkout_closes_minutes": "360",
         "grace_minutes": "5", "half_day_minutes": "120", "overtime_needs_approval": "y",
         "overtime_minimum_minutes": "30", "corrections_per_month": "3"}


def _settings():
    db.session.expire_all()
    return db.session.scalar(sa.select(AttendanceSettings))


def test_the_route_is_shown_with_its_explanation_and_conduct_by_default(client, auth, org):
    assert penalised_by_conduct(attendance_settings())
    auth.login("hr")
    body = client.get("/attendance/settings").get_data(as_text=True)
    assert 'name="penalties_via"' in body and "Never both" not in body  # the Chinese page
    assert "两种方式不会兼有" in body and '<option selected value="conduct">' in body
    client.post("/auth/locale/en")
    english = client.get("/attendance/settings").get_data(as_text=True)
    assert "Never both" in english and "Pay deductions in the payroll export" in english


def test_the_route_is_saved_and_audited_in_words(client, auth, org):
    auth.login("hr")
    response = client.post("/attendance/settings", data=VALID | {"penalties_via": "payroll", "version_id": "0"})
    assert response.status_code == 302
    saved = _settings()
    assert saved.penalties_via == PenaltyRoute.PAYROLL and not penalised_by_conduct(saved)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "attendance_settings.updated"))
    assert entry.after["penalties_via"] == "payroll"
    trail = client.get("/audit/").get_data(as_text=True)
    assert "在工资导出中扣款" in trail


def test_an_unknown_route_is_refused(client, auth, org):
    auth.login("hr")
    response = client.post("/attendance/settings", data=VALID | {"penalties_via": "both", "version_id": "0"})
    assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True)
    assert _settings() is None


def test_a_stale_page_is_refused_and_keeps_the_choice(client, auth, org):
    auth.login("hr")
    client.post("/attendance/settings", data=VALID | {"version_id": "0"})
    stale = client.post("/attendance/settings", data=VALID | {"penalties_via": "payroll", "version_id": "0"})
    body = stale.get_data(as_text=True)
    assert stale.status_code == 200 and _settings().penalties_via == PenaltyRoute.CONDUCT
    assert '<option selected value="payroll">' in body


def test_switching_to_payroll_stops_new_proposals(client, auth, person):
    auth.login("hr")
    client.post("/attendance/settings", data=VALID | {"penalties_via": "payroll", "version_id": "0"})
    day = first_day_with(person, "早")
    punch(person, utc(day, 7, 25), utc(day, 15, 1))
    db.session.commit()
    assert proposals() == []
