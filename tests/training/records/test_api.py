"""`GET /api/v1/me/training`: the caller's own record (hours per year as exact strings, enrolments with presence
and attempts, certificates with their state, inductions with overdue), empty without a staff record, documented
in the OpenAPI description."""
from datetime import timedelta

from hrapp.blueprints.training.records.induction import assign_inductions
from hrapp.extensions import db
from hrapp.models import Certificate, InductionReason
from tests.api.conftest import bearer

from .conftest import attend


def test_my_training_over_the_api(client, site):
    o = site
    session, _e, attempt = attend(o.etiquette, o.desk_staff, o.today - timedelta(days=3), score="72.5")
    attend(o.safety, o.desk_staff, o.today - timedelta(days=2))
    attend(o.safety, o.hk_staff, o.today - timedelta(days=2))  # someone else's
    db.session.add(Certificate(number="C-1", attempt_id=attempt.id, staff_id=o.desk_staff.id,
                               course_id=o.etiquette.id, issued_on=o.today, expires_on=o.today + timedelta(days=5)))
    assign_inductions(o.desk_staff, o.desk_job.id, o.today - timedelta(days=40), InductionReason.HIRE)
    db.session.commit()
    body = client.get("/api/v1/me/training", headers=bearer(o.staff)).get_json()
    assert body["staff_number"] == o.desk_staff.staff_number
    hours = {h["year"]: h["hours"] for h in body["hours_per_year"]}
    if (o.today - timedelta(days=3)).year == (o.today - timedelta(days=2)).year == o.today.year:
        assert hours == {o.today.year: "6.5"}
    assert len(body["enrolments"]) == 2
    etiquette = next(e for e in body["enrolments"] if e["session_id"] == session.id)
    assert etiquette["presence"] == "present" and etiquette["status"] == "enrolled"
    assert etiquette["attempts"] == [{"id": attempt.id, "number": 1, "score": "72.5", "max_score": "100.0",
                                      "pass_score": "60.0", "passed": True,
                                      "taken_on": (o.today - timedelta(days=3)).isoformat()}]
    assert [(c["number"], c["state"]) for c in body["certificates"]] == [("C-1", "expiring")]
    inductions = {i["course_code"]: i for i in body["inductions"]}
    assert inductions["C-ETQ"]["status"] == "done" and not inductions["C-ETQ"]["overdue"]
    assert inductions["C-SAFE"]["status"] == "done"  # present at the safety session after the hire


def test_no_staff_record_gives_an_empty_record(client, site):
    body = client.get("/api/v1/me/training", headers=bearer(site.hr)).get_json()
    assert body == {"staff_number": None, "hours_per_year": [], "enrolments": [], "certificates": [],
                    "inductions": []}


def test_the_endpoint_is_documented(client, site):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/me/training"]["get"]
    text = operation.get("summary", "") + operation.get("description", "")
    assert "training record" in text and "200" in operation["responses"]
