"""HR's catalogue pages: add a course (every refusal), the category's rules pre-selected, edit (a stale page),
take out of use and back, the list's search, filters and pages; staff see only courses in use."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, Course, EmploymentStatus, StaffMember
from tests.access_matrix import login
from tests.forms_html import form_posting_to

from .conftest import VALID, course


def _english(client):
    client.post("/auth/locale/en")
    return client


def test_hr_adds_a_course_with_its_rules_and_it_is_audited(app, site):
    hr = login(app, "hr")
    rules = [str(site.rules["2-4"].id), str(site.rules["2-8"].id)]
    response = hr.post("/training/courses/new", data={**VALID, "rule_ids": rules})
    assert response.status_code == 302
    added = course("ETQ-01")
    assert response.headers["Location"].endswith(f"/training/courses/{added.id}")
    assert (added.title, added.hours, added.pass_score, added.retakes, added.open_enrolment, added.active) == (
        "服务礼仪与仪容仪表", Decimal("4.0"), Decimal("70.0"), 1, True, True)
    assert (added.trainer_name, added.trainer_staff_id, added.certificate_months) == ("陈老师", None, None)
    assert sorted(r.code for r in added.rules) == ["2-4", "2-8"]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.course_create"))
    assert entry.after["rules"] == ["2-4", "2-8"] and entry.after["hours"] == "4.0"
    page = hr.get(f"/training/courses/{added.id}").get_data(as_text=True)
    assert 'data-rule="2-4"' in page and "规则2-4" in page and "陈老师" in page


def _preselected(client, category: str) -> set[str]:
    form = form_posting_to(client, f"/training/courses/new?category={category}")
    return {value for name, value in form.values if name == "rule_ids"}


def test_a_new_course_preselects_its_categorys_active_rules(app, site):
    hr = login(app, "hr")
    ids = {code: str(rule.id) for code, rule in site.rules.items()}
    # service awareness: 2-1 (out of use, not offered), 2-5, 2-8
    assert _preselected(hr, "service_awareness") == {ids["2-5"], ids["2-8"]}
    assert _preselected(hr, "safety") == {ids["2-13"]}
    assert _preselected(hr, "teamwork") == set()  # 2-6, 2-7 are not in this catalogue
    page = hr.get("/training/courses/new").get_data(as_text=True)
    offered = page.split('name="rule_ids"')[1].split("</select>")[0]
    assert f'value="{site.reward.id}"' not in offered and f'value="{ids["2-1"]}"' not in offered
    assert "2-4 规则2-4" in offered


def test_every_refusal_comes_back_on_the_form_and_nothing_is_saved(app, site):
    hr = _english(login(app, "hr"))
    hr.post("/training/courses/new", data=VALID)
    cases = {
        "This code is already used by another course.": {},
        "Hours must be more than 0": {"code": "X1", "hours": "0"},
        "with at most one decimal": {"code": "X2", "hours": "1.25"},
        "The pass mark must be between 0 and the maximum score": {"code": "X3", "pass_score": "120"},
        "Only an assessed course": {"code": "X4", "pass_score": "", "certificate_months": "12"},
        "A certificate is valid for 1 to 240 months.": {"code": "X5", "certificate_months": "0"},
        "Retakes must be a whole number from 0 to 20.": {"code": "X6", "retakes": "-1"},
        "Give either a staff member or an outside trainer, not both.": {
            "code": "X7", "trainer_number": site.desk_staff.staff_number},
        "No staff member has this staff number.": {"code": "X8", "trainer_name": "", "trainer_number": "NOBODY"},
        "The maximum score must be more than 0": {"code": "X9", "max_score": "0", "pass_score": "0"},
    }
    for message, changes in cases.items():
        response = hr.post("/training/courses/new", data={**VALID, **changes})
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and message in page and "is-invalid" in page, message
        assert 'value="' + changes.get("code", "ETQ-01") + '"' in page  # what was typed stays
    assert db.session.scalar(sa.select(sa.func.count(Course.id))) == 1


def test_numbers_that_are_not_numbers_and_ids_beyond_the_database_are_refused_not_500(app, site):
    hr = _english(login(app, "hr"))
    for changes in ({"hours": "NaN"}, {"max_score": "Infinity"}, {"pass_score": "NaN"},
                    {"rule_ids": ["99999999999999999999"]}):
        response = hr.post("/training/courses/new", data={**VALID, "code": "NAN1", **changes})
        assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True), changes
    assert db.session.scalar(sa.select(sa.func.count(Course.id))) == 0


def test_the_trainer_is_found_by_staff_number_and_one_who_left_is_refused(app, site):
    hr = _english(login(app, "hr"))
    data = {**VALID, "trainer_name": "", "trainer_number": f"  {site.head_staff.staff_number} "}
    assert hr.post("/training/courses/new", data=data).status_code == 302
    assert course("ETQ-01").trainer_staff_id == site.head_staff.id
    db.session.execute(sa.update(StaffMember).where(StaffMember.id == site.hk_staff.id)
                       .values(status=EmploymentStatus.LEFT))
    db.session.commit()
    page = hr.post("/training/courses/new", data={**data, "code": "ETQ-02",
                                                  "trainer_number": site.hk_staff.staff_number}).get_data(as_text=True)
    assert "This staff member has left the company." in page and course("ETQ-02") is None


def test_chinese_messages(app, site):
    hr = login(app, "hr")
    page = hr.post("/training/courses/new", data={**VALID, "trainer_number": "NOBODY"}).get_data(as_text=True)
    assert "没有此工号的员工" in page and "请填写内部员工或外部讲师其中之一，不能同时填写" in page
    page = hr.post("/training/courses/new", data={**VALID, "pass_score": "", "certificate_months": "6"}
                   ).get_data(as_text=True)
    assert "只有设有考核（有及格分）的课程才能颁发证书" in page


def test_edit_changes_settings_and_rules_and_a_stale_page_is_refused(app, site):
    hr = _english(login(app, "hr"))
    hr.post("/training/courses/new", data={**VALID, "rule_ids": [str(site.rules["2-4"].id)]})
    added = course("ETQ-01")
    page = hr.get(f"/training/courses/{added.id}/edit").get_data(as_text=True)
    assert 'name="version_id"' in page and f'value="{added.version_id}"' in page
    first_version = added.version_id
    # only the rules change: the version moves all the same
    data = {**VALID, "rule_ids": [str(site.rules["2-5"].id)], "version_id": str(first_version)}
    assert hr.post(f"/training/courses/{added.id}/edit", data=data).status_code == 302
    edited = course("ETQ-01")
    assert [r.code for r in edited.rules] == ["2-5"] and edited.version_id > first_version
    stale = hr.post(f"/training/courses/{added.id}/edit", data={**data, "title": "旧页面"})
    assert stale.status_code == 200 and "Someone else changed this record" in stale.get_data(as_text=True)
    assert course("ETQ-01").title == "服务礼仪与仪容仪表"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.course_update"))
    assert entry.before == {"rules": ["2-4"]} and entry.after == {"rules": ["2-5"]}


def test_taking_out_of_use_hides_the_course_from_staff_and_back(app, site):
    hr, staff = login(app, "hr"), login(app, "staff")
    hr.post("/training/courses/new", data=VALID)
    added = course("ETQ-01")
    assert staff.get(f"/training/courses/{added.id}").status_code == 200
    stale = hr.post(f"/training/courses/{added.id}/deactivate", data={"version_id": str(added.version_id - 1)})
    assert stale.status_code == 409 and course("ETQ-01").active is True
    hr.post(f"/training/courses/{added.id}/deactivate", data={"version_id": str(added.version_id)})
    assert course("ETQ-01").active is False
    assert staff.get(f"/training/courses/{added.id}").status_code == 404
    assert 'data-course="ETQ-01"' not in staff.get("/training/courses/").get_data(as_text=True)
    assert 'data-course="ETQ-01"' in hr.get("/training/courses/?active=no").get_data(as_text=True)
    assert 'data-course="ETQ-01"' not in hr.get("/training/courses/?active=yes").get_data(as_text=True)
    hr.post(f"/training/courses/{added.id}/reactivate", data={"version_id": str(course("ETQ-01").version_id)})
    assert course("ETQ-01").active is True
    actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert {"training.course_deactivate", "training.course_reactivate"} <= actions


def test_the_list_searches_filters_pages_and_says_when_empty(app, site, make_course):
    staff = login(app, "staff")
    assert 'id="no-courses"' in staff.get("/training/courses/").get_data(as_text=True)
    for n in range(30):
        make_course(f"C-{n:02d}", f"课程{n}", hours="2")
    make_course("FIRE", "消防安全", category="safety")
    db.session.commit()
    first = staff.get("/training/courses/").get_data(as_text=True)
    assert first.count('data-course="') == 25 and "31" in first
    assert staff.get("/training/courses/?page=2").get_data(as_text=True).count('data-course="') == 6
    found = staff.get("/training/courses/?q=消防").get_data(as_text=True)
    assert found.count('data-course="') == 1 and 'data-course="FIRE"' in found
    safety = staff.get("/training/courses/?category=safety").get_data(as_text=True)
    assert safety.count('data-course="') == 1
    assert 'id="no-courses"' in staff.get("/training/courses/?q=nothing-like-this").get_data(as_text=True)
    assert 'id="filter-errors"' in staff.get("/training/courses/?category=cooking").get_data(as_text=True)
    assert 'id="new-course"' not in first and 'id="new-course"' in login(app, "hr").get(
        "/training/courses/").get_data(as_text=True)
