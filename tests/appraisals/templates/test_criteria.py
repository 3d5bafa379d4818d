"""The criteria editor: each kind with its own fields, every refusal on the form, a metric's usual bands, the
template's version moving with every change (a second editor is told it changed), moving and removing."""
from decimal import Decimal as D

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, CriterionKind, Metric
from tests.access_matrix import login

from .conftest import IMPORTED, METRIC, RATING, add, english, template


def test_hr_adds_one_criterion_of_each_kind(app, blank):
    hr = login(app, "hr")
    kpi = {"title_zh": "每日回访电话", "kind": "kpi", "weight": "20.5", "target": "5", "unit": "个/天",
           "bands": "8 100\n5 80\n0 20", "higher_is_better": "y", "self_scored": "y", "metric": "",
           "levels": "留在表单上的旧等级\n不保存"}
    for data in (RATING, METRIC, IMPORTED, kpi):
        assert add(hr, "T-NEW", data).status_code == 302, data["title_zh"]
    rating, metric, imported, numeric = template("T-NEW").criteria
    assert (rating.kind, rating.levels, rating.bands, rating.self_scored) == (
        CriterionKind.RATING, ["差", "较差", "一般", "良好", "优秀"], [], True)
    assert (metric.metric, metric.higher_is_better, metric.bands, metric.self_scored) == (
        Metric.LATE_COUNT, False, [["0", "100"], ["2", "80"], ["5", "60"]], False)
    assert (imported.kpi_code, imported.bands) == ("csat", [["4.5", "100"], ["4", "80"], ["3.5", "60"]])
    assert (numeric.weight, numeric.target, numeric.unit, numeric.levels) == (D("20.50"), D("5"), "个/天", [])
    assert [c.sort_order for c in template("T-NEW").criteria] == [1, 2, 3, 4]
    page = hr.get(f"/appraisals/templates/{blank.template.id}").get_data(as_text=True)
    assert "25 + 10 + 15 + 20.5 = 70.5" in page
    assert db.session.scalar(sa.select(sa.func.count(AuditEntry.id)).where(
        AuditEntry.action == "appraisals.criterion_add")) == 4


def test_every_refusal_comes_back_on_the_criterion_form(app, blank):
    hr = english(login(app, "hr"))
    cases = {
        "Give 2 to 10 levels, one per line, lowest first.": {**RATING, "levels": "只有一级"},
        "Two levels have the same descriptor.": {**RATING, "levels": "好\n好"},
        "Weights have at most 2 decimal places.": {**RATING, "weight": "10.005"},
        "Each weight must be above 0 and at most 100.": {**RATING, "weight": "0"},
        "is not.": {**IMPORTED, "bands": "95"},
        "A band&#39;s score lies between 0 and 100.": {**IMPORTED, "bands": "95 120"},
        "Two bands have the same threshold.": {**IMPORTED, "bands": "95 80\n95 60"},
        "Give at least one scoring band.": {**IMPORTED, "bands": ""},
        "Give the code of the imported KPI, e.g. csat.": {**IMPORTED, "kpi_code": ""},
        "Choose the system metric the criterion reads.": {**METRIC, "metric": ""},
        "Only ratings and KPIs can be part of the self-assessment.": {**METRIC, "self_scored": "y"},
    }
    kpi = {"title_zh": "销售额", "kind": "kpi", "weight": "10", "bands": "8 100", "metric": ""}
    for target in ("NaN", "Infinity", "1e20"):
        response = add(hr, "T-NEW", {**kpi, "target": target})
        assert response.status_code == 200, target
        assert "The target is a number below ten billion." in response.get_data(as_text=True), target
    for message, data in cases.items():
        response = add(hr, "T-NEW", data)
        assert response.status_code == 200 and message in response.get_data(as_text=True), message
    assert template("T-NEW").criteria == []


def test_a_second_editor_on_an_old_page_is_told_the_template_changed(app, blank):
    hr, admin = english(login(app, "hr")), english(login(app, "admin"))
    add(hr, "T-NEW", RATING)
    found = template("T-NEW")
    criterion, loaded = found.criteria[0], found.version_id
    edit = f"/appraisals/templates/{found.id}/criteria/{criterion.id}/edit"
    assert hr.post(edit, data={**RATING, "weight": "30", "version_id": loaded}).status_code == 302
    assert template("T-NEW").version_id > loaded
    response = admin.post(edit, data={**RATING, "weight": "40", "version_id": loaded})
    assert "Someone else changed this record; reload and try again." in response.get_data(as_text=True)
    assert template("T-NEW").criteria[0].weight == D("30.00")
    stale_add = add(admin, "T-NEW", {**RATING, "title_zh": "另一项"}, version=loaded)
    assert "Someone else changed this record" in stale_add.get_data(as_text=True)
    assert len(template("T-NEW").criteria) == 1
    assert admin.post(f"/appraisals/templates/{found.id}/criteria/{criterion.id}/remove",
                      data={"version_id": loaded}).status_code == 409
    assert len(template("T-NEW").criteria) == 1


def test_moving_and_removing_criteria(app, blank):
    hr = login(app, "hr")
    for title in ("甲", "乙", "丙"):
        add(hr, "T-NEW", {**RATING, "title_zh": title})
    found = template("T-NEW")
    first = found.criteria[0]
    base = f"/appraisals/templates/{found.id}/criteria/{first.id}"
    assert hr.post(f"{base}/down", data={"version_id": found.version_id}).status_code == 302
    assert [c.title_zh for c in template("T-NEW").criteria] == ["乙", "甲", "丙"]
    assert hr.post(f"{base}/up", data={"version_id": template("T-NEW").version_id}).status_code == 302
    assert hr.post(f"{base}/up", data={"version_id": template("T-NEW").version_id}).status_code == 302  # at the top
    assert [c.title_zh for c in template("T-NEW").criteria] == ["甲", "乙", "丙"]
    page = hr.get(f"/appraisals/templates/{found.id}").get_data(as_text=True)
    assert page.index('data-criterion="甲"') < page.index('data-criterion="乙"')
    assert hr.post(f"{base}/remove", data={"version_id": template("T-NEW").version_id}).status_code == 302
    assert [c.title_zh for c in template("T-NEW").criteria] == ["乙", "丙"]
    gone = hr.post(f"{base}/remove", data={"version_id": template("T-NEW").version_id}, follow_redirects=True)
    assert "那个考核项已被删除。" in gone.get_data(as_text=True)
    removed = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "appraisals.criterion_remove"))
    assert removed.before["title_zh"] == "甲" and removed.after is None


def test_a_criterion_of_another_template_is_not_found(app, blank, make_template):
    other = make_template("T-OTHER")
    db.session.commit()
    hr = login(app, "hr")
    path = f"/appraisals/templates/{blank.template.id}/criteria/{other.criteria[0].id}/edit"
    assert hr.get(path).status_code == 404


def test_the_criterion_form_offers_the_metrics_usual_bands(app, blank):
    page = login(app, "hr").get(f"/appraisals/templates/{blank.template.id}/criteria/new").get_data(as_text=True)
    assert 'data-metric="attendance_rate"' in page and 'data-metric="late_count"' in page
    assert "≥ 98% → 100" in page and "≤ 5 → 60" in page
