"""`GET /api/v1/appraisals/cycles`: HR sees every count, heads their departments', staff only their own
appraisal's status (and only the cycles they are in); paged; documented in the OpenAPI; 401 without a token."""
from datetime import date

from hrapp.blueprints.appraisals.cycles.opening import open_cycle
from hrapp.extensions import db
from hrapp.models import CycleStage
from tests.api.conftest import bearer
from tests.appraisals.fixtures import write_cycle

URL = "/api/v1/appraisals/cycles"


def test_counts_by_role(app, scene):
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    write_cycle("2025-Q1", stage=CycleStage.CLOSED, first_on=date(2025, 1, 1))  # nobody of the scene in it
    db.session.commit()
    client = app.test_client()
    hr = client.get(URL, headers=bearer(scene.hr)).get_json()
    assert hr["total"] == 2 and [c["name"] for c in hr["items"]][0] == scene.cycle.name
    mine = next(c for c in hr["items"] if c["name"] == scene.cycle.name)
    assert mine["counts"] == {"self_review": 3} and mine["stage"] == "self_assessment"
    assert mine["period_kind"] == "quarter" and mine["self_due_on"] == scene.cycle.self_due_on.isoformat()
    head = client.get(URL, headers=bearer(scene.head)).get_json()
    head_cycle = next(c for c in head["items"] if c["name"] == scene.cycle.name)
    assert head_cycle["counts"] == {"self_review": 1}  # the desk clerk (FO, FO-DESK), not the head himself
    assert head_cycle["my_status"] == "self_review"
    staff = client.get(URL, headers=bearer(scene.staff)).get_json()
    assert staff["total"] == 1 and staff["items"][0]["counts"] == {}
    assert staff["items"][0]["my_status"] == "self_review"
    paged = client.get(f"{URL}?per_page=1&page=2", headers=bearer(scene.hr)).get_json()
    assert paged["pages"] == 2 and paged["items"][0]["name"] == "2025-Q1"
    assert client.get(f"{URL}?stage=closed", headers=bearer(scene.hr)).get_json()["total"] == 1
    assert client.get(f"{URL}?per_page=0", headers=bearer(scene.hr)).status_code == 422


def test_401_without_token_and_documented(app, scene):
    client = app.test_client()
    assert client.get(URL).status_code == 401
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/appraisals/cycles" in spec["paths"]
