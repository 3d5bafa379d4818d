"""GET /api/v1/training/sessions/{id}/results: HR every attempt; heads a session they may see, their departments'
people only; staff 403 (no permission); a head 404 for a session they may not see; no such session 404."""
from decimal import Decimal

import pytest

from hrapp.blueprints.training.results import assessment
from hrapp.extensions import db
from hrapp.models import Presence
from tests.api.conftest import bearer
from tests.training.fixtures import write_enrolment


@pytest.fixture
def scored(scene, make_staff):
    scene.desk.presence = Presence.PRESENT
    hk = write_enrolment(scene.session, scene.hk_staff, presence=Presence.PRESENT)
    db.session.flush()
    scene.passed = assessment.record_attempt(scene.hr, scene.desk, Decimal("60"))
    scene.failed = assessment.record_attempt(scene.hr, hk, Decimal("35.5"))
    db.session.commit()
    return scene


def results(client, user, session_id):
    return client.get(f"/api/v1/training/sessions/{session_id}/results", headers=bearer(user))


def test_hr_gets_every_attempt_with_scores_and_certificates(client, scored):
    response = results(client, scored.hr, scored.session.id)
    assert response.status_code == 200
    body = response.get_json()
    by_number = {a["staff_number"]: a for a in body["attempts"]}
    desk, hk = by_number[scored.desk_staff.staff_number], by_number[scored.hk_staff.staff_number]
    assert desk["passed"] is True and desk["score"] == "60.0" and desk["pass_score"] == "60.0"
    assert desk["max_score"] == "100.0" and desk["number"] == 1 and desk["id"] == scored.passed.id
    assert desk["certificate_number"].startswith("TC-") and desk["certificate_expires_on"]
    assert hk["passed"] is False and hk["certificate_number"] is None and hk["score"] == "35.5"
    assert body["course_code"] == "C-FIRE"


def test_a_head_sees_their_departments_people_only(client, scored):
    body = results(client, scored.head, scored.session.id).get_json()
    assert [a["staff_number"] for a in body["attempts"]] == [scored.desk_staff.staff_number]


def test_others_are_refused(client, scored):
    assert results(client, scored.hk_head, scored.session.id).status_code == 404  # an FO session: not even its existence
    assert results(client, scored.staff, scored.session.id).status_code == 403
    assert results(client, scored.other_staff, scored.session.id).status_code == 403  # the trainer: no LEAD
    assert results(client, scored.hr, 999999).status_code == 404
    assert client.get(f"/api/v1/training/sessions/{scored.session.id}/results").status_code == 401
