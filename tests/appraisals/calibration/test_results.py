"""The results list (HR all, heads their departments', never their own unpublished result; staff 403), its
filters and search, the CSV / XLSX export in the same scope, and the results API."""
import csv
import io

from openpyxl import load_workbook

from hrapp.company import company_today
from hrapp.extensions import db, limiter
from hrapp.models import Appraisal, AppraisalStatus
from tests.api.conftest import bearer

from .conftest import score


def results(client, scene, **args):
    return client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}/results", query_string=args)


def shown(response) -> set[str]:
    html = response.get_data(as_text=True)
    return {part.split('"')[0] for part in html.split('data-appraisal-id="')[1:]}


def test_hr_sees_every_result(client, auth, scene):
    auth.login("hr")
    response = results(client, scene)
    assert response.status_code == 200
    assert shown(response) == {str(scene.desk.id), str(scene.hk.id), str(scene.own.id)}


def test_a_head_sees_their_departments_but_not_their_own_unpublished(client, auth, scene):
    auth.login("head")
    assert shown(results(client, scene)) == {str(scene.desk.id)}
    score(db.session.get(Appraisal, scene.own.id), "92", scene.hr, status=AppraisalStatus.PUBLISHED)
    db.session.commit()
    assert shown(results(client, scene)) == {str(scene.desk.id), str(scene.own.id)}


def test_staff_never_see_the_list(client, auth, scene):
    auth.login("staff")
    assert results(client, scene).status_code == 403
    assert client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}/results.csv").status_code == 403
    assert client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}").status_code == 403


def test_filters_and_search(client, auth, scene):
    scene.hk.calibrated = True
    db.session.commit()
    auth.login("hr")
    assert shown(results(client, scene, department=scene.front.id)) == {str(scene.desk.id), str(scene.own.id)}
    assert shown(results(client, scene, grade="excellent")) == {str(scene.own.id)}
    assert shown(results(client, scene, calibrated="yes")) == {str(scene.hk.id)}
    assert shown(results(client, scene, q=scene.hk_staff.staff_number)) == {str(scene.hk.id)}
    assert shown(results(client, scene, q="李前")) == {str(scene.desk.id)}
    assert shown(results(client, scene, q="%")) == set()  # a wildcard matches itself only
    assert shown(results(client, scene, status="published")) == set()
    bad = results(client, scene, grade="nonsense", department="x")
    assert bad.status_code == 200 and b'id="filter-errors"' in bad.data and len(shown(bad)) == 3


def test_export_csv_obeys_scope_and_filters(client, auth, scene):
    auth.login("head")
    response = client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}/results.csv")
    assert response.status_code == 200
    name = f"appraisal-results-2026-Q3-{company_today().isoformat()}.csv"
    assert name in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][0] == "工号" or rows[0][0] == "Staff number"
    assert [r[0] for r in rows[1:]] == [scene.desk_staff.staff_number]
    assert rows[1][7] == "85.00" and rows[1][8] == "良好"


def test_export_xlsx_for_hr_with_a_filter(client, auth, scene):
    auth.login("hr")
    response = client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}/results.xlsx",
                          query_string={"department": scene.housekeeping.id})
    assert response.status_code == 200 and ".xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [scene.hk_staff.staff_number]
    assert client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}/results.pdf").status_code == 404


def api_get(client, scene, user, **args):
    return client.get(f"/api/v1/appraisals/cycles/{scene.cycle.id}/results", headers=bearer(user),
                      query_string=args)


def test_api_hr_gets_every_result_paged(client, scene):
    limiter.reset()
    body = api_get(client, scene, scene.hr, per_page=2).get_json()
    assert body["total"] == 3 and body["pages"] == 2 and len(body["items"]) == 2
    item = next(i for i in api_get(client, scene, scene.hr).get_json()["items"] if i["id"] == scene.desk.id)
    assert item == {"id": scene.desk.id, "staff_number": scene.desk_staff.staff_number, "name": "李前台",
                    "department": "FO-DESK", "status": "scored", "self_total": None, "head_total": "85.00",
                    "total": "85.00", "grade": "good", "calibrated": False, "published_at": None}


def test_api_heads_get_their_departments_without_their_own(client, scene):
    limiter.reset()
    body = api_get(client, scene, scene.head).get_json()
    assert [i["id"] for i in body["items"]] == [scene.desk.id]
    assert [i["id"] for i in api_get(client, scene, scene.hk_head).get_json()["items"]] == [scene.hk.id]


def test_api_staff_403_and_missing_cycle_404(client, scene):
    limiter.reset()
    assert api_get(client, scene, scene.staff).status_code == 403
    assert client.get("/api/v1/appraisals/cycles/999999/results", headers=bearer(scene.hr)).status_code == 404
    assert client.get(f"/api/v1/appraisals/cycles/{scene.cycle.id}/results").status_code == 401

