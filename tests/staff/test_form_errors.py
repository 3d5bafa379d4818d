"""Staff form and import: every invalid field in one answer, implausible dates, a position of another
department and a zero wage refused, required contact details kept (issue 10, points 9 and 13)."""
import io
from datetime import date

import pytest

from hrapp.extensions import db
from hrapp.models import StaffMember
from tests.conftest import count
from tests.forms_html import form_posting_to
from tests.routes.test_staff_routes import form

MESSAGES = {
    "hire_too_early": "Hire date cannot be before 1950.",
    "birth_future": "Birth date cannot be in the future.",
    "too_young": "Staff must be at least 16 years old on the hire date.",
    "left_before_hire": "Leaving date cannot be before the hire date.",
    "hire_future": "Hire date is more than a year in the future.",
    "wage_zero": "A wage must be greater than 0: enter the daily wage, the monthly base pay or both.",
    "position": "This position belongs to another department.",
    "contact": "This contact detail is required; it cannot be removed.",
}


@pytest.fixture(autouse=True)
def english(client):
    client.post("/auth/locale/en")


def invalid_fields(html: str) -> set[str]:
    import lxml.html
    return {el.get("name") for el in lxml.html.fromstring(html).xpath("//*[contains(@class, 'is-invalid')]")}


def test_every_invalid_field_is_reported_in_one_answer(client, auth, org):
    auth.login("hr")
    bad = form(org, staff_number="", name_zh="", email="not-an-address", hire_on="1900-01-01",
               birth_on="2099-01-01", id_number="123", phone="call me", emergency_contact_phone="call me too",
               daily_wage_amount="0", monthly_base_amount="0", left_on="1899-01-01", superior_number="NOBODY")
    page = client.post("/staff/new", data=bad).get_data(as_text=True)
    assert invalid_fields(page) >= {"staff_number", "name_zh", "email", "hire_on", "birth_on", "id_number", "phone",
                                    "emergency_contact_phone", "daily_wage_amount", "left_on", "superior_number"}
    assert MESSAGES["hire_too_early"] in page and MESSAGES["wage_zero"] in page
    assert count(StaffMember) == 3


@pytest.mark.parametrize("changes, field, message", [
    ({"hire_on": "1900-01-01"}, "hire_on", "hire_too_early"),
    ({"hire_on": "2099-01-01"}, "hire_on", "hire_future"),
    ({"birth_on": "2099-01-01", "id_number": ""}, "birth_on", "birth_future"),
    ({"birth_on": "2012-01-01", "id_number": "", "hire_on": "2024-06-01"}, "hire_on", "too_young"),
    ({"status": "left", "left_on": "2024-05-31"}, "left_on", "left_before_hire"),
    ({"daily_wage_amount": "0", "monthly_base_amount": "0"}, "daily_wage_amount", "wage_zero"),
])
def test_implausible_values_are_refused_with_a_clear_message(client, auth, org, changes, field, message):
    auth.login("hr")
    page = client.post("/staff/new", data=form(org, **changes)).get_data(as_text=True)
    assert field in invalid_fields(page) and MESSAGES[message] in page
    assert count(StaffMember) == 3


def test_a_wage_on_one_figure_is_enough(client, auth, org):
    auth.login("hr")
    assert client.post("/staff/new", data=form(org, monthly_base_amount="0")).status_code == 302


def test_a_position_of_another_department_is_refused(client, auth, org, make_position):
    housekeeping_job = make_position("HK-ROOM", "客房服务员", org.housekeeping)
    desk_job = make_position("FD-REC", "接待员", org.front_desk)
    auth.login("hr")
    page = client.post("/staff/new", data=form(org, position_id=housekeeping_job.id)).get_data(as_text=True)
    assert "position_id" in invalid_fields(page) and MESSAGES["position"] in page
    assert client.post("/staff/new", data=form(org, position_id=desk_job.id)).status_code == 302


def test_hr_edit_of_a_stale_record_changes_nothing_and_an_edit_cannot_blank_contacts(client, auth, org):
    staff = db.session.get(StaffMember, org.desk_staff.id)
    staff.phone, staff.emergency_contact_name, staff.emergency_contact_phone = "13700001111", "李母", "13700002222"
    db.session.commit()
    auth.login("hr")
    page_form = form_posting_to(client, f"/staff/{org.desk_staff.id}/edit")
    page = client.post(f"/staff/{org.desk_staff.id}/edit", data=page_form.replaced(
        phone="", emergency_contact_name="", emergency_contact_phone="")).get_data(as_text=True)
    assert {"phone", "emergency_contact_name", "emergency_contact_phone"} <= invalid_fields(page)
    assert page.count(MESSAGES["contact"]) == 3
    assert db.session.get(StaffMember, org.desk_staff.id).phone == "13700001111"


def test_staff_cannot_blank_their_own_phone_or_emergency_contact(client, auth, org):
    staff = db.session.get(StaffMember, org.desk_staff.id)
    staff.phone, staff.emergency_contact_name, staff.emergency_contact_phone = "13700001111", "李母", "13700002222"
    db.session.commit()
    auth.login("staff")
    url = f"/staff/{org.desk_staff.id}/contact"
    page_form = form_posting_to(client, url)
    page = client.post(url, data=page_form.replaced(phone="", emergency_contact_phone="")).get_data(as_text=True)
    assert {"phone", "emergency_contact_phone"} <= invalid_fields(page) and MESSAGES["contact"] in page
    stored = db.session.get(StaffMember, org.desk_staff.id)
    assert (stored.phone, stored.emergency_contact_phone) == ("13700001111", "13700002222")
    assert client.post(url, data=page_form.replaced(phone="13900003333")).status_code == 302
    assert db.session.get(StaffMember, org.desk_staff.id).phone == "13900003333"


def upload(client, text: str):
    return client.post("/staff-import-export/import", data={"file": (io.BytesIO(text.encode()), "staff.csv")},
                       content_type="multipart/form-data")


@pytest.fixture
def import_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))


def test_the_import_applies_the_same_rules(client, auth, org, make_position, import_dir):
    make_position("HK-ROOM", "客房服务员", org.housekeeping)
    number = db.session.get(StaffMember, org.desk_staff.id).staff_number
    db.session.get(StaffMember, org.desk_staff.id).phone = "13700001111"
    db.session.commit()
    auth.login("hr")
    body = upload(client, "工号,姓名,性别,部门编码,岗位编码,入职日期,出生日期,日薪,月基本工资,电话\r\n"
                          "C001,张三,男,FO,,1900-03-01,1980-01-01,180,0,\r\n"
                          "C002,李四,女,FO,HK-ROOM,2021-03-02,,0,0,\r\n"
                          f"{number},李前台,女,FO-DESK,,2020-03-01,1990-01-01,200,4500,\r\n").get_data(as_text=True)
    for message in ("hire_too_early", "wage_zero", "position"):
        assert MESSAGES[message] in body, message
    assert "电话" in body and MESSAGES["contact"] in body
    assert count(StaffMember) == 3
    assert date(2020, 3, 1) == db.session.get(StaffMember, org.desk_staff.id).hire_on
