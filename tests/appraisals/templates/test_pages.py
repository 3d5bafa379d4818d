"""HR's template pages: add a template (every refusal, a duplicate code, a lost race), edit it (a stale page),
copy it, put it in use only when its weights make exactly 100, and the list's search, filters and flags; heads
read without the editing buttons."""
from decimal import Decimal as D

import sqlalchemy as sa

from hrapp.blueprints.appraisals.templates import services
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, AuditEntry
from tests.access_matrix import login

from .conftest import RATING, VALID, add, english, template


def test_hr_adds_a_template_out_of_use_with_default_grades_and_it_is_audited(app, people):
    hr = login(app, "hr")
    response = hr.post("/appraisals/templates/new", data={**VALID, "peer_feedback": "y"})
    assert response.status_code == 302
    added = template("T-STD")
    assert response.headers["Location"].endswith(f"/appraisals/templates/{added.id}")
    assert (added.name_zh, added.active, added.self_assessment, added.peer_feedback, added.team) == (
        "一线员工季度考核表", False, True, True, False)
    assert added.grade_bands == [["excellent", "90"], ["good", "80"], ["pass", "60"], ["needs_improvement", "50"],
                                 ["fail", "0"]]
    assert added.created_by_id == people.hr.id
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "appraisals.template_create"))
    assert entry.after["code"] == "T-STD" and entry.target_id == added.id
    page = hr.get(f"/appraisals/templates/{added.id}").get_data(as_text=True)
    assert 'id="no-criteria"' in page and 'id="template-out-of-use"' in page


def test_every_refusal_comes_back_on_the_form_and_nothing_is_saved(app, people, make_position):
    hr = english(login(app, "hr"))
    position = make_position("FD-REC", "前台接待员", people.front_desk)
    db.session.commit()
    assert hr.post("/appraisals/templates/new", data=VALID).status_code == 302
    cases = {
        "This code is already used by another template.": {},
        "A template applies to a department or to a position, not both.": {
            "code": "T-2", "department_id": str(people.front.id), "position_id": str(position.id)},
        "A team template applies to a department (or the company), not to a position.": {
            "code": "T-3", "position_id": str(position.id), "team": "y"},
        "Each grade&#39;s lowest total must be above the next grade&#39;s.": {"code": "T-4", "band_good": "95"},
        "The lowest grade starts at 0.": {"code": "T-5", "band_fail": "10"},
        "Letters, digits, dashes and underscores": {"code": "T 6"},
    }
    for message, changes in cases.items():
        response = hr.post("/appraisals/templates/new", data={**VALID, **changes})
        assert response.status_code == 200 and message in response.get_data(as_text=True), message
    assert db.session.scalar(sa.select(sa.func.count(AppraisalTemplate.id))) == 1


def test_a_lost_race_for_a_code_is_the_ordinary_duplicate_message(app, people, make_template):
    make_template("T-STD")
    db.session.commit()
    try:
        with duplicates_refused():
            db.session.add(AppraisalTemplate(code="T-STD", name_zh="另一张"))
            db.session.flush()
    except ValidationFailed as refused:
        assert refused.field == "code" and str(refused.message) == "This code is already used by another template."
    else:
        raise AssertionError("the duplicate was not refused")


def test_a_position_template_and_its_page(app, people, make_position):
    hr = login(app, "hr")
    position = make_position("FD-REC", "前台接待员", people.front_desk)
    db.session.commit()
    hr.post("/appraisals/templates/new", data={**VALID, "code": "T-REC", "position_id": str(position.id)})
    added = template("T-REC")
    assert added.position_id == position.id and added.department_id is None
    assert "前台接待员" in hr.get(f"/appraisals/templates/{added.id}").get_data(as_text=True)


def test_33_33_three_times_is_refused_until_the_weights_make_100(app, blank):
    hr = english(login(app, "hr"))
    for number in range(3):
        assert add(hr, "T-NEW", {**RATING, "title_zh": f"项目{number}", "weight": "33.33"}).status_code == 302
    found = template("T-NEW")
    page = hr.get(f"/appraisals/templates/{found.id}").get_data(as_text=True)
    assert "33.33 × 3 = 99.99" in page and "The weights add up to 99.99, not exactly 100." in page
    response = hr.post(f"/appraisals/templates/{found.id}/activate", data={"version_id": found.version_id},
                       follow_redirects=True)
    assert "cannot be put in use: The weights add up to 99.99, not exactly 100." in response.get_data(as_text=True)
    found = template("T-NEW")
    assert not found.active and services.template_problem(found).code == "inactive"
    assert found not in services.usable_templates()
    last = found.criteria[-1]
    data = {**RATING, "title_zh": last.title_zh, "weight": "33.34", "version_id": found.version_id}
    assert hr.post(f"/appraisals/templates/{found.id}/criteria/{last.id}/edit", data=data).status_code == 302
    found = template("T-NEW")
    assert hr.post(f"/appraisals/templates/{found.id}/activate",
                   data={"version_id": found.version_id}).status_code == 302
    found = template("T-NEW")
    assert found.active and services.template_problem(found) is None
    assert [t.code for t in services.usable_templates()] == ["T-NEW"] and services.usable_templates(team=True) == []
    assert "The weights add up to exactly 100." in hr.get(f"/appraisals/templates/{found.id}").get_data(as_text=True)


def test_editing_a_template_from_a_stale_page_is_refused(app, blank):
    hr, admin = english(login(app, "hr")), english(login(app, "admin"))
    found = template("T-NEW")
    data = {**VALID, "code": "T-NEW", "version_id": str(found.version_id)}
    assert hr.post(f"/appraisals/templates/{found.id}/edit", data={**data, "name_zh": "甲"}).status_code == 302
    response = admin.post(f"/appraisals/templates/{found.id}/edit", data={**data, "name_zh": "乙"})
    assert response.status_code == 200
    assert "Someone else changed this record; reload and try again." in response.get_data(as_text=True)
    assert template("T-NEW").name_zh == "甲"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "appraisals.template_update"))
    assert entry.before["name_zh"] == "新考核表" and entry.after["name_zh"] == "甲"


def test_copying_a_template_takes_its_criteria_under_a_new_code(app, people, make_template):
    source = make_template("T-STD", grade_bands=[["excellent", "95"], ["good", "85"], ["pass", "60"],
                                                  ["needs_improvement", "40"], ["fail", "0"]])
    db.session.commit()
    hr = english(login(app, "hr"))
    page = hr.get(f"/appraisals/templates/{source.id}/copy").get_data(as_text=True)
    assert "标准考核表" in page
    response = hr.post(f"/appraisals/templates/{source.id}/copy", data={"code": "T-STD-Q4", "name_zh": "四季度表"})
    assert response.status_code == 302
    copy = template("T-STD-Q4")
    assert (copy.name_zh, copy.active, copy.grade_bands[0]) == ("四季度表", False, ["excellent", "95"])
    assert [(c.title_zh, c.weight, c.kind.value) for c in copy.criteria] == [
        (c.title_zh, c.weight, c.kind.value) for c in template("T-STD").criteria]
    assert copy.criteria[0].id != template("T-STD").criteria[0].id
    again = hr.post(f"/appraisals/templates/{source.id}/copy", data={"code": "T-STD-Q4", "name_zh": "又一张"})
    assert "This code is already used by another template." in again.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(AppraisalTemplate.id))) == 2


def test_taking_out_of_use_and_back(app, people, make_template):
    found = make_template()
    db.session.commit()
    hr = login(app, "hr")
    page = hr.get(f"/appraisals/templates/{found.id}").get_data(as_text=True)
    assert "data-confirm" in page and "deactivate" in page
    assert hr.post(f"/appraisals/templates/{found.id}/deactivate",
                   data={"version_id": found.version_id}).status_code == 302
    assert not template("T-STD").active
    old = found.version_id
    assert hr.post(f"/appraisals/templates/{found.id}/activate", data={"version_id": old}).status_code == 409
    assert hr.post(f"/appraisals/templates/{found.id}/activate",
                   data={"version_id": template("T-STD").version_id}).status_code == 302
    assert template("T-STD").active
    actions = list(db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.target_id == found.id,
                                                                          AuditEntry.target_type == "AppraisalTemplate")
                                      .order_by(AuditEntry.id)))
    assert actions == ["appraisals.template_deactivate", "appraisals.template_activate"]


def test_the_list_searches_filters_and_flags_weights(app, people, make_template):
    make_template("T-STD", "标准考核表")
    make_template("T-HK", "客房考核表", department_id=people.housekeeping.id,
                  criteria=[("整洁", "rating", "50", {"levels": ["差", "好"]})])
    make_template("T-OLD", "旧表", active=False)
    db.session.commit()
    head = login(app, "head")
    page = head.get("/appraisals/templates/").get_data(as_text=True)
    assert 'data-template="T-STD"' in page and 'data-template="T-OLD"' in page and "data-weights-off" in page
    assert 'id="new-template"' not in page
    search = head.get("/appraisals/templates/?q=客房").get_data(as_text=True)
    assert 'data-template="T-HK"' in search and 'data-template="T-STD"' not in search
    by_department = head.get(f"/appraisals/templates/?department={people.housekeeping.id}").get_data(as_text=True)
    assert 'data-template="T-HK"' in by_department and 'data-template="T-OLD"' not in by_department
    active = head.get("/appraisals/templates/?active=no").get_data(as_text=True)
    assert 'data-template="T-OLD"' in active and 'data-template="T-STD"' not in active
    assert 'id="no-templates"' in head.get("/appraisals/templates/?q=无此表").get_data(as_text=True)
    assert 'id="filter-errors"' in head.get("/appraisals/templates/?department=abc").get_data(as_text=True)


def test_an_empty_list_says_so(app, people):
    page = login(app, "hr").get("/appraisals/templates/").get_data(as_text=True)
    assert 'id="no-templates"' in page and 'id="new-template"' in page


def test_a_head_reads_a_template_without_the_editor(app, people, make_template):
    found = make_template()
    db.session.commit()
    page = login(app, "hkhead").get(f"/appraisals/templates/{found.id}").get_data(as_text=True)
    assert 'data-criterion="服务与工作态度"' in page and "差 / 较差 / 一般 / 良好 / 优秀" in page
    assert 'id="add-criterion"' not in page and 'id="edit-template"' not in page
    assert 'id="weights-sum"' in page
    assert found.version_id == template("T-STD").version_id
    assert D("100") == sum(c.weight for c in template("T-STD").criteria)


def test_a_stale_page_hears_it_before_any_field_message(app, blank):
    hr = english(login(app, "hr"))
    found = template("T-NEW")
    response = hr.post(f"/appraisals/templates/{found.id}/edit",
                       data={**VALID, "code": "", "version_id": str(found.version_id - 1)})
    body = response.get_data(as_text=True)
    assert "Someone else changed this record; reload and try again." in body and "This field is required." not in body
