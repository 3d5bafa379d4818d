"""Departments, positions, versioned job descriptions and settings through HTTP."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, CompanySettings, Department, JobDescription, JobDescriptionStatus, Position
from tests.conftest import count

JD_TEXT = {"summary": "负责前台接待", "duties": "1. 接待客人\n2. 办理入住"}


def test_department_tree_moves_subtree(client, auth, org):
    auth.login("hr")
    response = client.post("/org/departments/new", data={"code": "fo-vip", "name": "贵宾组", "name_en": "VIP",
                                                          "parent_id": org.front_desk.id, "planned_headcount": 3})
    assert response.status_code == 302
    vip = db.session.scalar(sa.select(Department).where(Department.code == "FO-VIP"))
    assert vip.path == f"{org.front_desk.path}{vip.id}/"
    client.post(f"/org/departments/{org.front_desk.id}/edit", data={
        "code": "FO-DESK", "name": "前台", "parent_id": org.housekeeping.id, "planned_headcount": 5,
        "version_id": org.front_desk.version_id})
    db.session.expire_all()
    assert db.session.get(Department, vip.id).path.startswith(org.housekeeping.path)


def test_department_cannot_move_under_itself_or_reuse_code(client, auth, org):
    auth.login("hr")
    loop = client.post(f"/org/departments/{org.front.id}/edit", data={
        "code": "FO", "name": "前厅部", "parent_id": org.front_desk.id, "planned_headcount": 1,
        "version_id": org.front.version_id})
    assert loop.status_code == 200 and "is-invalid" in loop.get_data(as_text=True)
    dup = client.post("/org/departments/new", data={"code": "HK", "name": "x", "planned_headcount": 0})
    assert dup.status_code == 200 and count(Department) == 3


def test_delete_department_only_when_empty(client, auth, org, make_department):
    auth.login("hr")
    client.post(f"/org/departments/{org.housekeeping.id}/delete", data={"version_id": org.housekeeping.version_id})
    assert db.session.get(Department, org.housekeeping.id) is not None
    empty = make_department("EMPTY", "空部门")
    client.post(f"/org/departments/{empty.id}/delete")  # no version: refused as stale
    assert db.session.get(Department, empty.id) is not None
    client.post(f"/org/departments/{empty.id}/delete", data={"version_id": empty.version_id})
    assert db.session.get(Department, empty.id) is None
    assert client.get(f"/org/departments/{empty.id}/delete").status_code == 405


def test_org_chart_shows_headcount_against_plan(client, auth, org):
    auth.login("hr")
    body = client.get("/org/").get_data(as_text=True)
    assert "客房部" in body and "head" in body and "1 / 10" in body


def approval(description_id: int, on: str) -> dict:
    """The approve form's data, with the draft's version as stored now."""
    version = db.session.scalar(sa.select(JobDescription.version_id).where(JobDescription.id == description_id))
    return {"approved_on": on, "version_id": version}


def test_job_description_versions(client, auth, org, make_position):
    position = make_position("FD-CLERK", "前台接待员", org.front_desk)
    auth.login("hr")
    client.post(f"/org/positions/{position.id}/descriptions")
    draft = db.session.scalar(sa.select(JobDescription))
    empty_approve = client.post(f"/org/descriptions/{draft.id}/approve", data=approval(draft.id, "2026-01-05"))
    assert empty_approve.status_code == 302 and db.session.get(JobDescription, draft.id).status == JobDescriptionStatus.DRAFT
    client.post(f"/org/descriptions/{draft.id}/edit", data=JD_TEXT | {"version_id": 1})
    client.post(f"/org/descriptions/{draft.id}/approve", data=approval(draft.id, "2026-01-05"))
    v1 = db.session.get(JobDescription, draft.id)
    assert (v1.status, v1.approved_by_id, str(v1.approved_on)) == (JobDescriptionStatus.APPROVED, org.hr.id, "2026-01-05")
    # an approved version is immutable
    client.post(f"/org/descriptions/{v1.id}/edit", data=JD_TEXT | {"summary": "改了", "version_id": v1.version_id})
    assert db.session.get(JobDescription, v1.id).summary == "负责前台接待"
    # v2 starts as a copy, v1 stays readable as superseded after approval
    client.post(f"/org/positions/{position.id}/descriptions")
    v2 = db.session.scalar(sa.select(JobDescription).where(JobDescription.version == 2))
    assert v2.duties == JD_TEXT["duties"]
    client.post(f"/org/descriptions/{v2.id}/edit", data=JD_TEXT | {"duties": "1. 新职责", "version_id": v2.version_id})
    client.post(f"/org/descriptions/{v2.id}/approve", data=approval(v2.id, "2026-06-01"))
    assert db.session.get(JobDescription, v1.id).status == JobDescriptionStatus.SUPERSEDED
    old = client.get(f"/org/descriptions/{v1.id}").get_data(as_text=True)
    assert "2. 办理入住" in old
    assert count(AuditEntry) >= 5


def test_head_reads_but_cannot_edit_positions(client, auth, org, make_position):
    position = make_position(department=org.front)
    auth.login("head")
    assert client.get(f"/org/positions/{position.id}").status_code == 200
    assert client.post(f"/org/positions/{position.id}/descriptions").status_code == 403
    assert client.get(f"/org/positions/{position.id}/edit").status_code == 403


def test_settings_admin_only(client, auth, org):
    auth.login("hr")
    assert client.get("/org/settings").status_code == 403
    auth.logout()
    auth.login("admin")
    bad = client.post("/org/settings", data={"name": "酒店", "timezone": "Mars/Base", "currency": "CNY"})
    assert bad.status_code == 200 and count(CompanySettings) == 0
    client.post("/org/settings", data={"name": "示范酒店", "timezone": "Asia/Shanghai", "currency": "cny"})
    assert db.session.scalar(sa.select(CompanySettings)).currency == "CNY"


def test_hr_marks_a_position_on_comprehensive_working_hours(client, auth, org, make_position):
    position = make_position("FD-NIGHT", "夜审", org.front)
    auth.login("hr")
    page = client.get(f"/org/positions/{position.id}/edit").get_data(as_text=True)
    assert 'name="comprehensive_hours"' in page
    data = {"code": "FD-NIGHT", "name": "夜审", "name_en": "", "department_id": org.front.id,
            "superior_position_id": "", "job_family": "", "grade": "", "headcount": 1,
            "comprehensive_hours": "y", "version_id": position.version_id}
    response = client.post(f"/org/positions/{position.id}/edit", data=data)
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Position.comprehensive_hours).where(Position.id == position.id)) is True
    assert "综合计算工时制" in client.get(f"/org/positions/{position.id}").get_data(as_text=True)
