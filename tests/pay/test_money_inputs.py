"""Every way money enters (web form, spreadsheet import, API) refuses infinity and over-ceiling amounts
with a clear message, never a 500, and stores nothing."""
import io

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import PayRate, StaffMember
from tests.conftest import count
from tests.routes.test_staff_routes import form

NOT_FINITE = "Infinity and NaN are not amounts"
OVER = "The amount is above the ceiling of 99,999,999.99."


@pytest.mark.parametrize(("field", "value", "message"), [
    ("daily_wage_amount", "Infinity", NOT_FINITE),
    ("monthly_base_amount", "nan", NOT_FINITE),
    ("monthly_base_amount", "1e999", OVER),
    ("daily_wage_amount", "100000000", OVER),
])
def test_staff_form_refuses_with_a_clear_message(client, auth, org, english, field, value, message):
    auth.login("hr")
    before = count(StaffMember)
    response = client.post("/staff/new", data=form(org, **{field: value}))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert count(StaffMember) == before and count(PayRate) == 0


def test_staff_form_ceiling_follows_the_config(client, auth, org, english, app, monkeypatch):
    monkeypatch.setitem(app.config, "MONEY_MAX_AMOUNT", "50000")
    auth.login("hr")
    response = client.post("/staff/new", data=form(org, monthly_base_amount="50000.01"))
    assert "The amount is above the ceiling of 50,000.00." in response.get_data(as_text=True)
    assert client.post("/staff/new", data=form(org, monthly_base_amount="50000.00")).status_code == 302


def test_import_refuses_with_a_clear_message(client, auth, org, english, app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    auth.login("hr")
    csv_text = ("工号,姓名,性别,部门编码,入职日期,日薪,月基本工资\r\n"
                "C001,张三,男,HK,2021-03-01,Infinity,4500\r\n"
                "C002,李四,女,FO-DESK,2021-03-02,180,1e999\r\n"
                "C003,王五,女,FO-DESK,2021-03-02,180,100000000.00\r\n")
    response = client.post("/staff-import-export/import", data={"file": (io.BytesIO(csv_text.encode()), "staff.csv")},
                           content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="import-problems"' in body
    assert NOT_FINITE in body and body.count(OVER) == 2
    assert "3 with errors" in body and 'name="token"' not in body
    assert db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "C001")) is None


@pytest.mark.parametrize(("field", "value", "message"), [
    ("daily_wage_amount", "Infinity", NOT_FINITE),
    ("daily_wage_amount", "-Infinity", NOT_FINITE),
    ("monthly_base_amount", "1e999", OVER),
    ("monthly_base_amount", 10 ** 12, OVER),
])
def test_api_refuses_with_a_clear_message(client, org, tokens, english, field, value, message):
    payload = {"staff_number": "N0001", "name_zh": "新员工", "gender": "male", "department_id": org.housekeeping.id,
               "hire_on": "2024-02-01", "daily_wage_amount": "180.50", "monthly_base_amount": "4500"}
    response = client.post("/api/v1/staff", json=payload | {field: value},
                           headers=tokens["hr"] | {"Accept-Language": "en"})
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error"
    assert any(message in m for m in body["errors"][field]), body
    patched = client.patch(f"/api/v1/staff/{org.desk_staff.id}", json={field: value, "version_id": 1},
                           headers=tokens["hr"])
    assert patched.status_code == 422 and field in patched.get_json()["errors"]
    assert count(PayRate) == 0
