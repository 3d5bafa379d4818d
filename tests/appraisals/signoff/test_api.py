"""`GET /api/v1/me/appraisals`: the token user's own appraisals, paged; results (total, grade, respond by, the
response) only once published — an unpublished one shows its status alone."""
from decimal import Decimal

from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage
from tests.access_matrix import ROLES, USERNAMES, Route, walk
from tests.api.conftest import bearer
from tests.appraisals.fixtures import write_appraisal, write_cycle

from .conftest import score

URL = "/api/v1/me/appraisals"


def test_published_results_only(client, scene):
    current = write_cycle(name="2099-Q1", stage=CycleStage.CALIBRATION, first_on=scene.cycle.last_on.replace(
        year=scene.cycle.last_on.year + 1))
    hidden = write_appraisal(current, scene.desk_staff, scene.template)
    score(hidden, scene.head, rating="40")
    hidden.status = AppraisalStatus.SCORED
    db.session.commit()
    body = client.get(URL, headers=bearer(scene.staff)).get_json()
    assert body["total"] == 2 and body["page"] == 1
    newest, published = body["items"]
    assert newest["cycle"] == "2099-Q1" and newest["status"] == "scored" and not newest["result_visible"]
    assert newest["total"] is None and newest["grade"] is None and newest["respond_by"] is None
    assert "head_comment" not in newest and "40" not in str(newest)
    assert published["cycle"] == scene.cycle.name and published["status"] == "published"
    assert published["result_visible"] and Decimal(published["total"]) == scene.appraisal.total
    assert published["grade"] == "good" and published["respond_by"] == scene.appraisal.respond_by.isoformat()
    assert published["acknowledged"] is False and published["appealed"] is False
    paged = client.get(f"{URL}?per_page=1&page=2", headers=bearer(scene.staff)).get_json()
    assert paged["pages"] == 2 and [i["cycle"] for i in paged["items"]] == [scene.cycle.name]
    assert client.get(f"{URL}?per_page=0", headers=bearer(scene.staff)).status_code == 422


def test_only_ones_own(client, scene):
    assert client.get(URL, headers=bearer(scene.other_staff)).get_json()["items"] == []
    assert client.get(URL, headers=bearer(scene.hr)).get_json()["total"] == 0  # HR has no staff record


def test_api_access_matrix(app, scene):
    users = {u.username: u for u in (scene.admin, scene.hr, scene.head, scene.hk_head, scene.staff,
                                     scene.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    caller = app.test_client()
    callers = {role: (lambda route, h=headers[role]: caller.open(route.path, method=route.method, headers=h))
               for role in ROLES}
    walk(app, "api_my_appraisals", {"list_mine": Route("GET", URL, "401 200 200 200 200 200 200")}, callers)
