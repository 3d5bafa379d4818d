"""Staff create/edit/self-service through the HTTP layer."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, EmploymentEvent, EventKind, StaffMember
from tests.conftest import count
from tests.fixtures import make_id_number


def form(org, **kw):
    from datetime import date
    data = {"staff_number": "N0001", "name_zh": "新员工", "name_en": "", "gender": "female",
            "birth_on": "1995-04-03", "id_number": make_id_number(date(1995, 4, 3)), "phone": "13800000000",
            "email": "", "department_id": org.front_desk.id, "position_id": "", "superior_number": "",
            "hire_on": "2024-06-01", "status": "probation", "left_on": "", "daily_wage_amount": "180.50",
            "monthly_base_amount": "4200.00", "emergency_contact_name": "", "emergency_contact_phone": "", "notes": ""}
    return data | kw


def test_hr_creates_staff_with_hire_event_and_audit(client, auth, org):
    auth.login("hr")
    response = client.post("/staff/new", data=form(org))
    assert response.status_code == 302
    staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "N0001"))
    assert str(staff.daily_wage_amount) == "180.50"
    assert [e.kind for e in staff.events] == [EventKind.HIRE]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "staff.create"))
    assert entry.actor_id == org.hr.id and entry.after["staff_number"] == "N0001"


def test_bad_input_rerenders_and_stores_nothing(client, auth, org):
    auth.login("hr")
    before = count(StaffMember)
    cases = [
        {"staff_number": org.desk_staff.staff_number},  # duplicate
        {"hire_on": "1990-01-01"},                       # before birth
        {"hire_on": "2023-02-30"},                       # impossible date
        {"daily_wage_amount": "-5"},                     # negative pay
        {"monthly_base_amount": "lots"},                 # not a number
        {"department_id": "999999"},                     # unknown department
        {"id_number": "110101199504031230"},             # bad check digit
        {"superior_number": "NOBODY"},                   # unknown superior
    ]
    for case in cases:
        response = client.post("/staff/new", data=form(org, **case))
        assert response.status_code == 200, case
        assert "is-invalid" in response.get_data(as_text=True), case
    assert count(StaffMember) == before


def test_markup_is_shown_as_text(client, auth, org):
    auth.login("hr")
    client.post("/staff/new", data=form(org, name_zh="<script>alert(1)</script>"))
    staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "N0001"))
    body = client.get(f"/staff/{staff.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def _edit_form(client, org, staff_id):
    page = client.get(f"/staff/{staff_id}/edit").get_data(as_text=True)
    version = page.split('name="version_id" type="hidden" value="')[1].split('"')[0]
    return form(org, staff_number=org.desk_staff.staff_number, name_zh="李前台",
                id_number=org.desk_staff.id_number, birth_on="1990-01-01", hire_on="2020-03-01",
                department_id=org.front_desk.id, version_id=version)


def test_transfer_records_event_and_diff(client, auth, org):
    auth.login("hr")
    data = _edit_form(client, org, org.desk_staff.id) | {"department_id": org.housekeeping.id,
                                                         "effective_on": "2026-12-01"}
    assert client.post(f"/staff/{org.desk_staff.id}/edit", data=data).status_code == 302
    event = db.session.scalar(sa.select(EmploymentEvent).where(EmploymentEvent.kind == EventKind.TRANSFER))
    assert event.to_department_id == org.housekeeping.id and str(event.effective_on) == "2026-12-01"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "staff.update"))
    assert entry.before["department_id"] == org.front_desk.id and entry.after["department_id"] == org.housekeeping.id


def test_concurrent_edit_is_refused_not_overwritten(client, auth, org):
    auth.login("hr")
    first = _edit_form(client, org, org.desk_staff.id)
    second = dict(first)
    assert client.post(f"/staff/{org.desk_staff.id}/edit", data=first | {"phone": "13911112222"}).status_code == 302
    response = client.post(f"/staff/{org.desk_staff.id}/edit", data=second | {"phone": "13933334444"})
    assert response.status_code == 200 and "alert-danger" in response.get_data(as_text=True)
    assert db.session.get(StaffMember, org.desk_staff.id).phone == "13911112222"


def test_self_service_edits_only_contact_fields(client, auth, org):
    auth.login("staff")
    page = client.get(f"/staff/{org.desk_staff.id}/contact").get_data(as_text=True)
    version = page.split('name="version_id" type="hidden" value="')[1].split('"')[0]
    response = client.post(f"/staff/{org.desk_staff.id}/contact", data={
        "phone": "13700001111", "emergency_contact_name": "李母", "emergency_contact_phone": "13700002222",
        "version_id": version, "name_zh": "改名", "daily_wage_amount": "9999"})
    assert response.status_code == 302
    staff = db.session.get(StaffMember, org.desk_staff.id)
    assert (staff.phone, staff.emergency_contact_name, staff.name_zh) == ("13700001111", "李母", "李前台")
    assert str(staff.daily_wage_amount) == "200.00"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "staff.self_update"))
    assert entry.actor_id == org.staff.id and entry.after["phone"] == "13700001111"


def test_self_service_rejects_bad_phone(client, auth, org):
    auth.login("staff")
    response = client.post(f"/staff/{org.desk_staff.id}/contact", data={"phone": "not a phone",
                                                                         "version_id": org.desk_staff.version_id})
    assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True)


def test_list_search_filter_sort_and_paginate(client, auth, org, make_staff):
    for i in range(30):
        make_staff(org.housekeeping, name_zh=f"批量{i:02d}", staff_number=f"B{i:03d}")
    auth.login("hr")
    body = client.get("/staff/?q=批量0&per_page=5").get_data(as_text=True)
    assert body.count("<td>批量0") == 5 and "page=2" in body and "page=3" not in body
    page2 = client.get(f"/staff/?department={org.housekeeping.id}&per_page=10&page=2&sort=-staff_number").get_data(as_text=True)
    assert "B019" in page2 and "B029" not in page2 and "李前台" not in page2
    assert client.get("/staff/?status=bogus&department=abc&page=1").status_code == 200


def test_superior_is_entered_by_staff_number(client, auth, org):
    auth.login("hr")
    client.post("/staff/new", data=form(org, superior_number=org.head_staff.staff_number))
    staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "N0001"))
    assert staff.superior_id == org.head_staff.id
    page = client.get(f"/staff/{staff.id}/edit").get_data(as_text=True)
    assert f'value="{org.head_staff.staff_number}"' in page
    own = client.post(f"/staff/{staff.id}/edit", data=_edit_form(client, org, staff.id) | {
        "staff_number": "N0001", "name_zh": "新员工", "id_number": staff.id_number, "birth_on": "1995-04-03",
        "hire_on": "2024-06-01", "superior_number": "N0001"})
    assert own.status_code == 200 and "is-invalid" in own.get_data(as_text=True)


def test_search_is_literal(client, auth, org, make_staff):
    make_staff(org.front, name_zh="百分%号")
    auth.login("hr")
    assert "百分%号" in client.get("/staff/?q=%25").get_data(as_text=True)
    assert "李前台" not in client.get("/staff/?q=%25").get_data(as_text=True)
    assert "李前台" not in client.get("/staff/?q=_").get_data(as_text=True)


def test_405_keeps_allow_header(client, auth, org):
    auth.login("hr")
    response = client.get(f"/org/departments/{org.front.id}/delete")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
