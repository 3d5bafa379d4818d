"""POST /api/v1/appraisals/cycles/{id}/kpis: idempotent, all or nothing (422 per row), HR only, refused once
published."""
from decimal import Decimal

import pytest

from hrapp.extensions import db
from hrapp.models import AppraisalCycle, CycleStage, KpiImport, KpiValue
from tests.api.conftest import bearer

from .conftest import ALL_METRICS, Q2_FIRST


@pytest.fixture
def api_scene(org, make_template, make_cycle, make_appraisal):
    org.template = make_template("T-ALL", criteria=ALL_METRICS)
    org.cycle = make_cycle("2026-Q2", stage=CycleStage.CALIBRATION, first_on=Q2_FIRST)
    org.mine = make_appraisal(org.cycle, org.desk_staff, org.template)
    db.session.commit()
    return org


def post(client, s, user, values, key=None, cycle_id=None):
    headers = bearer(user) | ({"Idempotency-Key": key} if key else {})
    return client.post(f"/api/v1/appraisals/cycles/{cycle_id or s.cycle.id}/kpis", json={"values": values},
                       headers=headers)


def test_the_same_key_twice_imports_once(client, api_scene):
    s = api_scene
    values = [{"staff_number": s.desk_staff.staff_number, "kpi_code": "csat", "value": 4.5}]
    first = post(client, s, s.hr, values, key="kpi-2026-q2-1")
    assert first.status_code == 201
    body = first.get_json()
    assert body["row_count"] == 1 and body["cycle_id"] == s.cycle.id
    values[0]["value"] = "3.2"
    again = post(client, s, s.hr, values, key="kpi-2026-q2-1")
    assert again.status_code == 200 and again.get_json()["id"] == body["id"]
    assert db.session.query(KpiImport).count() == 1
    assert db.session.query(KpiValue).one().value == Decimal("4.5")


def test_the_same_key_for_another_cycle_is_another_import(client, api_scene, make_cycle, make_appraisal):
    s = api_scene
    other = make_cycle("2026-Q1", stage=CycleStage.CALIBRATION, first_on=Q2_FIRST.replace(month=1))
    make_appraisal(other, s.desk_staff, s.template)
    db.session.commit()
    values = [{"staff_number": s.desk_staff.staff_number, "kpi_code": "csat", "value": 4.5}]
    assert post(client, s, s.hr, values, key="monthly-import").status_code == 201
    second = post(client, s, s.hr, values, key="monthly-import", cycle_id=other.id)
    assert second.status_code == 201 and second.get_json()["cycle_id"] == other.id
    assert db.session.query(KpiValue).filter_by(cycle_id=other.id).count() == 1


def test_bad_rows_answer_422_and_store_nothing(client, api_scene):
    s = api_scene
    response = post(client, s, s.hr, [
        {"staff_number": s.desk_staff.staff_number, "kpi_code": "csat", "value": "4.5"},
        {"staff_number": "NOBODY", "kpi_code": "csat", "value": 4},
        {"staff_number": s.desk_staff.staff_number, "kpi_code": "order_completion", "value": 50},
        {"staff_number": s.desk_staff.staff_number, "kpi_code": "csat", "value": "Infinity"}])
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert set(errors) == {"values.2.staff_number", "values.3.kpi_code", "values.4.value"}
    assert errors["values.2.staff_number"] == ["没有这个工号的员工。"]
    assert db.session.query(KpiImport).count() == 0 and db.session.query(KpiValue).count() == 0


def test_only_hr_and_only_visible_cycles(client, api_scene):
    s = api_scene
    values = [{"staff_number": s.desk_staff.staff_number, "kpi_code": "csat", "value": 4.5}]
    assert post(client, s, s.head, values).status_code == 403
    assert post(client, s, s.staff, values).status_code == 403
    assert post(client, s, s.hr, values, cycle_id=999999).status_code == 404
    assert client.post(f"/api/v1/appraisals/cycles/{s.cycle.id}/kpis", json={"values": values}).status_code == 401
    assert db.session.query(KpiImport).count() == 0


def test_refused_once_published(client, api_scene):
    s = api_scene
    db.session.get(AppraisalCycle, s.cycle.id).stage = CycleStage.PUBLISHED
    db.session.commit()
    response = post(client, s, s.admin, [{"staff_number": s.desk_staff.staff_number, "kpi_code": "csat",
                                          "value": 4.5}])
    assert response.status_code == 409
    assert db.session.query(KpiImport).count() == 0
