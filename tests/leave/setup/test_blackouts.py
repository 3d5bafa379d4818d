"""Blackout periods: HR (any department, or the whole company) and heads (their departments) add, edit and
delete them; `blackout_for` is what the requests part asks."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.leave.setup.services import blackout_for, create_blackout
from hrapp.extensions import db
from hrapp.models import AuditEntry, LeaveBlackout


def _blackouts() -> list[LeaveBlackout]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(LeaveBlackout).order_by(LeaveBlackout.id)))


def test_blackout_for_covers_the_company_the_department_and_its_subdepartments(setup_org):
    o, annual = setup_org, setup_org.types["annual"]
    week = create_blackout(o.hr, None, date(2026, 10, 1), date(2026, 10, 7), "国庆")
    front = create_blackout(o.hr, o.front, date(2026, 8, 1), date(2026, 8, 2), "旺季")
    assert blackout_for(o.desk_staff, date(2026, 10, 7), date(2026, 10, 9), annual) == week
    assert blackout_for(o.desk_staff, date(2026, 7, 30), date(2026, 8, 1), annual) == front  # FO-DESK is under FO
    assert blackout_for(o.hk_staff, date(2026, 7, 30), date(2026, 8, 1), annual) is None
    assert blackout_for(o.desk_staff, date(2026, 10, 8), date(2026, 10, 9), annual) is None
    assert blackout_for(o.desk_staff, date(2026, 10, 2), date(2026, 10, 2), o.types["sick"]) is None


def test_hr_adds_a_company_wide_blackout_and_a_head_one_for_their_department(client, auth, people, leave_types):
    auth.login("hr")
    response = client.post("/leave/setup/blackouts/new", data={
        "department_id": "None", "starts_on": "2027-10-01", "ends_on": "2027-10-07", "reason": "国庆黄金周"})
    assert response.status_code == 302
    auth.logout()
    auth.login("head")
    form = client.get("/leave/setup/blackouts/new").get_data(as_text=True)
    assert 'value="None"' not in form  # heads choose among their departments only
    refused = client.post("/leave/setup/blackouts/new", data={
        "department_id": "None", "starts_on": "2027-08-01", "ends_on": "2027-08-02", "reason": "旺季"})
    assert refused.status_code == 200 and len(_blackouts()) == 1
    client.post("/leave/setup/blackouts/new", data={
        "department_id": str(people.front_desk.id), "starts_on": "2027-08-01", "ends_on": "2027-08-02",
        "reason": "旺季"})
    company, desk = _blackouts()
    assert (company.department_id, desk.department_id) == (None, people.front_desk.id)
    listing = client.get("/leave/setup/blackouts/").get_data(as_text=True)
    assert "国庆黄金周" in listing and "旺季" in listing
    assert client.get(f"/leave/setup/blackouts/{company.id}/edit").status_code == 403
    assert db.session.query(AuditEntry).filter_by(action="leave_blackout.create").count() == 2


def test_validation_messages_on_the_blackout_form(client, auth, setup_org):
    auth.login("hr")
    page = client.post("/leave/setup/blackouts/new", data={
        "department_id": str(setup_org.front.id), "starts_on": "2027-08-05", "ends_on": "2027-08-01",
        "reason": "x"}).get_data(as_text=True)
    assert "结束日期早于开始日期" in page and not _blackouts()
    page = client.post("/leave/setup/blackouts/new", data={
        "department_id": str(setup_org.front.id), "starts_on": "2027-08-01", "ends_on": "2028-08-05",
        "reason": "x"}).get_data(as_text=True)
    assert not _blackouts() and "is-invalid" in page


def test_edit_with_the_version_then_a_stale_edit_and_delete(client, auth, setup_org):
    blackout = create_blackout(setup_org.hr, setup_org.front, date(2026, 8, 1), date(2026, 8, 2), "旺季")
    db.session.commit()
    auth.login("hr")
    assert 'name="version_id"' in client.get(f"/leave/setup/blackouts/{blackout.id}/edit").get_data(as_text=True)
    data = {"department_id": str(setup_org.housekeeping.id), "starts_on": "2027-08-01", "ends_on": "2027-08-03",
            "reason": "盘点", "version_id": str(blackout.version_id)}
    assert client.post(f"/leave/setup/blackouts/{blackout.id}/edit", data=data).status_code == 302
    blackout = _blackouts()[0]
    assert (blackout.department_id, blackout.ends_on, blackout.reason) == (setup_org.housekeeping.id,
                                                                            date(2027, 8, 3), "盘点")
    stale = client.post(f"/leave/setup/blackouts/{blackout.id}/edit", data={**data, "reason": "旧"})
    assert stale.status_code == 200 and _blackouts()[0].reason == "盘点"
    assert client.post(f"/leave/setup/blackouts/{blackout.id}/delete", data={"version_id": "1"}).status_code == 409
    assert client.post(f"/leave/setup/blackouts/{blackout.id}/delete",
                       data={"version_id": str(_blackouts()[0].version_id)}).status_code == 302
    assert not _blackouts()
    assert db.session.query(AuditEntry).filter_by(action="leave_blackout.delete").count() == 1
