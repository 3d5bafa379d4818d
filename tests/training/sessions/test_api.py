"""GET /api/v1/training/sessions: scoped like the pages, filtered by local days, times with the company's offset,
seats taken and the waiting list's length; in the OpenAPI spec."""
from datetime import timedelta

from hrapp.extensions import db
from hrapp.models import EnrolmentStatus
from tests.api.conftest import bearer

from .conftest import DAY


def test_the_sessions_endpoint(app, client, site, session_at, make_enrolment, make_staff):
    company = session_at(capacity=1, place="三楼")
    make_enrolment(company, site.desk_staff)
    make_enrolment(company, make_staff(site.front_desk), status=EnrolmentStatus.WAITING)
    session_at(department=site.housekeeping, day=DAY + timedelta(days=5))
    db.session.commit()
    body = client.get("/api/v1/training/sessions", headers=bearer(site.hr)).get_json()
    assert body["total"] == 2
    first = body["items"][0]
    assert first["id"] == company.id and first["course_code"] == "C-SVC" and first["department"] is None
    assert first["starts_at"] == f"{DAY.isoformat()}T09:00:00+08:00"
    assert (first["capacity"], first["enrolled"], first["waiting"], first["status"]) == (1, 1, 1, "scheduled")
    ranged = client.get(f"/api/v1/training/sessions?from={DAY.isoformat()}&to={DAY.isoformat()}",
                        headers=bearer(site.hr)).get_json()
    assert [i["id"] for i in ranged["items"]] == [company.id]
    # the head of the front office sees the company-wide session, not housekeeping's
    assert client.get("/api/v1/training/sessions", headers=bearer(site.head)).get_json()["total"] == 1
    assert client.get("/api/v1/training/sessions?from=nonsense", headers=bearer(site.hr)).status_code == 422
    assert client.get("/api/v1/training/sessions").status_code == 401


def test_the_endpoint_is_in_the_spec(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/training/sessions" in spec["paths"]
