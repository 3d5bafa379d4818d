"""Effective-dated pay: a pay change through the staff pages, wage_on, the pay policy settings."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.core.pay import Wage
from hrapp.extensions import db
from hrapp.models import AuditEntry, CompanySettings, EmploymentEvent, EventKind, PayRate
from hrapp.pay import pay_history, wage_on
from tests.routes.test_staff_routes import _edit_form


def _rates(staff) -> list[tuple]:
    return db.session.execute(sa.select(PayRate.effective_on, PayRate.monthly_wage_amount, PayRate.daily_wage_amount)
                              .where(PayRate.staff_id == staff.id).order_by(PayRate.effective_on)).all()


def test_wage_on_finds_the_record_in_force(paid):
    staff = paid.desk_staff
    assert wage_on(staff, date(2020, 2, 29)) is None
    assert wage_on(staff, date(2020, 3, 1)) == Wage(Decimal("3915.00"), Decimal("180.00"), date(2020, 3, 1))
    assert wage_on(staff, date(2025, 6, 30)).monthly == Decimal("3915.00")
    assert wage_on(staff, date(2025, 7, 1)) == Wage(Decimal("5220.00"), Decimal("250.00"), date(2025, 7, 1))
    assert [r.in_force for r in pay_history(staff, date(2025, 1, 1))] == [False, True]
    # 3915.00 / 21.75 gives 180.00 anyway, so only the later daily wage is stored as explicit.
    assert [r[2] for r in _rates(staff)] == [None, Decimal("250.00")]


def test_paid_days_setting_changes_the_derived_daily_wage(paid):
    db.session.add(CompanySettings(name="x", paid_days_per_month=Decimal("20.00")))
    db.session.commit()
    assert wage_on(paid.desk_staff, date(2024, 1, 1)).daily == Decimal("195.75")  # 3915 / 20
    assert wage_on(paid.desk_staff, date(2025, 8, 1)).daily == Decimal("250.00")  # explicit stays


def test_hr_pay_change_is_recorded_in_history_event_and_audit(client, auth, paid, english):
    auth.login("hr")
    staff = paid.desk_staff
    data = _edit_form(client, paid, staff.id) | {"monthly_base_amount": "6090.00", "daily_wage_amount": "280.00",
                                                 "effective_on": "2026-01-01"}
    assert client.post(f"/staff/{staff.id}/edit", data=data).status_code == 302
    assert _rates(staff)[-1] == (date(2026, 1, 1), Decimal("6090.00"), None)  # 6090 / 21.75 = 280.00
    assert wage_on(staff, date(2026, 1, 1)).daily == Decimal("280.00")
    assert wage_on(staff, date(2025, 12, 31)).monthly == Decimal("5220.00")  # history kept
    event = db.session.scalar(sa.select(EmploymentEvent).where(EmploymentEvent.kind == EventKind.PAY_CHANGE))
    assert (event.staff_id, event.effective_on, event.recorded_by_id) == (staff.id, date(2026, 1, 1), paid.hr.id)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "staff.update"))
    assert entry.before["monthly_base_amount"] == "5220.00" and entry.after["monthly_base_amount"] == "6090.00"
    page = client.get(f"/staff/{staff.id}").get_data(as_text=True)
    history = page.split('id="pay-history"')[1]
    assert history.index("2026-01-01") < history.index("2025-07-01") < history.index("2020-03-01")
    assert "6090.00" in history and "Pay change" in page


def test_a_second_change_on_the_same_date_replaces_the_record(client, auth, paid):
    auth.login("hr")
    staff = paid.desk_staff
    for monthly in ("6000.00", "6100.00"):
        data = _edit_form(client, paid, staff.id) | {"monthly_base_amount": monthly, "effective_on": "2026-01-01"}
        assert client.post(f"/staff/{staff.id}/edit", data=data).status_code == 302
    assert [r[:2] for r in _rates(staff)][-1] == (date(2026, 1, 1), Decimal("6100.00"))
    assert len(_rates(staff)) == 3


def test_new_staff_get_a_first_pay_record_from_their_hire_date(client, auth, org):
    from tests.routes.test_staff_routes import form
    auth.login("hr")
    assert client.post("/staff/new", data=form(org, monthly_base_amount="4350.00",
                                               daily_wage_amount="200.00")).status_code == 302
    rates = db.session.execute(sa.select(PayRate.effective_on, PayRate.monthly_wage_amount,
                                         PayRate.daily_wage_amount)).all()
    assert rates == [(date(2024, 6, 1), Decimal("4350.00"), None)]


def _settings_form(client, **kw) -> dict:
    page = client.get("/org/settings").get_data(as_text=True)
    version = page.split('name="version_id" type="hidden" value="')[1].split('"')[0]
    return {"name": "示范酒店", "timezone": "Asia/Shanghai", "currency": "CNY", "minimum_monthly_wage_amount": "",
            "paid_days_per_month": "21.75", "version_id": version} | kw


def test_minimum_wage_setting_refuses_lower_pay_and_names_it(client, auth, paid, english):
    auth.login("admin")
    assert client.post("/org/settings", data=_settings_form(client, minimum_monthly_wage_amount="2690"))\
        .status_code == 302
    assert db.session.scalar(sa.select(CompanySettings)).minimum_monthly_wage_amount == Decimal("2690.00")
    auth.logout()
    client.post("/auth/locale/en")
    auth.login("hr")
    staff = paid.desk_staff
    data = _edit_form(client, paid, staff.id) | {"monthly_base_amount": "2689.99", "effective_on": "2026-01-01"}
    response = client.post(f"/staff/{staff.id}/edit", data=data)
    assert response.status_code == 200
    assert "Below the local monthly minimum wage of 2,690.00." in response.get_data(as_text=True)
    assert len(_rates(staff)) == 2
    data |= {"monthly_base_amount": "0.00", "daily_wage_amount": "150.00"}  # paid by the day: no monthly wage
    assert client.post(f"/staff/{staff.id}/edit", data=data).status_code == 302


def test_minimum_wage_applies_to_the_import_and_the_api(client, auth, org, tokens, english, app, tmp_path,
                                                        monkeypatch):
    import io
    db.session.add(CompanySettings(name="x", minimum_monthly_wage_amount=Decimal("2690.00")))
    db.session.commit()
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    auth.login("hr")
    csv_text = "工号,姓名,性别,部门编码,入职日期,月基本工资\r\nC001,张三,男,HK,2021-03-01,2000\r\n"
    body = client.post("/staff-import-export/import", data={"file": (io.BytesIO(csv_text.encode()), "staff.csv")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "Below the local monthly minimum wage of 2,690.00." in body and 'name="token"' not in body
    response = client.patch(f"/api/v1/staff/{org.hk_staff.id}", json={"monthly_base_amount": "2000.00",
                                                                       "version_id": 1}, headers=tokens["hr"])
    assert response.status_code == 422
    assert "2,690.00" in response.get_json()["errors"]["monthly_base_amount"][0]


def test_settings_form_refuses_a_stale_version(client, auth, org, english):
    auth.login("admin")
    assert client.post("/org/settings", data=_settings_form(client)).status_code == 302
    stale = _settings_form(client)
    assert client.post("/org/settings", data=_settings_form(client, name="新名字")).status_code == 302
    response = client.post("/org/settings", data=stale | {"name": "旧名字"})
    assert response.status_code == 200 and "Someone else changed this record" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(CompanySettings)).name == "新名字"


def test_settings_refuse_bad_pay_policy(client, auth, org, english):
    auth.login("admin")
    for bad in ({"minimum_monthly_wage_amount": "Infinity"}, {"minimum_monthly_wage_amount": "-1"},
                {"paid_days_per_month": "0"}):
        response = client.post("/org/settings", data=_settings_form(client, **bad))
        assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True), bad
    assert db.session.scalar(sa.select(CompanySettings)) is None
