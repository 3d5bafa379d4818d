"""Proposals from other modules (attendance calls propose_violation directly): idempotent, confirmed by the head
as a draft with the amount computed, or dismissed with a reason."""
from datetime import timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.conduct.violations import propose_violation
from hrapp.company import utc_of_local
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import RecordSource, Violation, ViolationState
from tests.conduct.violations.conftest import recent
from tests.conftest import count


def _propose(staff, ref="clock-1", minutes=20, code="2-3a", days=2):
    violation = propose_violation(staff, code, utc_of_local(recent(days=days)), source=RecordSource.ATTENDANCE,
                                  source_ref=ref, minutes=minutes, description="迟到 20 分钟")
    db.session.commit()
    return violation


def test_a_proposal_is_idempotent_by_its_source_reference(people, catalogue):
    first = _propose(people.desk_staff)
    again = _propose(people.desk_staff, minutes=45)
    assert again.id == first.id and count(Violation) == 1
    assert first.state == ViolationState.PROPOSED and first.amount == Decimal("20.00") and first.minutes == 20
    other = _propose(people.desk_staff, ref="clock-2")
    assert other.id != first.id


def test_a_proposal_needs_an_active_rule_and_a_past_time(people, catalogue):
    with pytest.raises(ValidationFailed):
        _propose(people.desk_staff, code="NOPE")
    with pytest.raises(ValidationFailed):
        _propose(people.desk_staff, days=-2)


def test_the_head_sees_proposals_of_their_departments_only(client, auth, people, catalogue):
    mine, theirs = _propose(people.desk_staff), _propose(people.hk_staff, ref="clock-hk")
    auth.login("head")
    html = client.get("/conduct/violations/proposals").get_data(as_text=True)
    assert mine.number in html and theirs.number not in html
    auth.logout()
    auth.login("hkhead")
    html = client.get("/conduct/violations/proposals").get_data(as_text=True)
    assert theirs.number in html and mine.number not in html


def test_confirm_with_adjusted_minutes_makes_a_draft(client, auth, people, catalogue):
    proposal = _propose(people.desk_staff)
    auth.login("head")
    response = client.post(f"/conduct/violations/{proposal.id}/confirm",
                           data={"version_id": proposal.version_id, "minutes": "45",
                                 "next": "/conduct/violations/proposals"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/conduct/violations/proposals")
    proposal = db.session.get(Violation, proposal.id)
    assert proposal.state == ViolationState.DRAFT and proposal.minutes == 45 and proposal.amount == Decimal("50.00")
    assert proposal.recorded_by_id == people.head.id


def test_confirm_from_the_record_page_keeps_the_inputs(client, auth, people, catalogue):
    proposal = _propose(people.desk_staff)
    auth.login("head")
    page = client.get(f"/conduct/violations/{proposal.id}").get_data(as_text=True)
    assert 'data-transition="confirm"' in page and 'data-transition="dismiss"' in page
    client.post(f"/conduct/violations/{proposal.id}/confirm", data={"version_id": proposal.version_id})
    proposal = db.session.get(Violation, proposal.id)
    assert proposal.state == ViolationState.DRAFT and proposal.amount == Decimal("20.00")


def test_confirm_with_a_bad_input_changes_nothing(client, auth, people, catalogue):
    proposal = _propose(people.desk_staff)
    auth.login("head")
    client.post(f"/conduct/violations/{proposal.id}/confirm", data={"version_id": proposal.version_id,
                                                                     "minutes": "0"})
    assert db.session.get(Violation, proposal.id).state == ViolationState.PROPOSED


def test_dismiss_needs_a_reason(client, auth, people, catalogue):
    proposal = _propose(people.desk_staff)
    auth.login("head")
    client.post(f"/conduct/violations/{proposal.id}/dismiss", data={"version_id": proposal.version_id, "note": " "})
    assert db.session.get(Violation, proposal.id).state == ViolationState.PROPOSED
    client.post(f"/conduct/violations/{proposal.id}/dismiss", data={"version_id": proposal.version_id,
                                                                     "note": "打卡机故障"})
    proposal = db.session.get(Violation, proposal.id)
    assert proposal.state == ViolationState.DISMISSED and proposal.decision_reason == "打卡机故障"


def test_another_departments_head_cannot_confirm(client, auth, people, catalogue):
    proposal = _propose(people.desk_staff)
    auth.login("hkhead")
    response = client.post(f"/conduct/violations/{proposal.id}/confirm", data={"version_id": proposal.version_id})
    assert response.status_code == 404
    assert db.session.get(Violation, proposal.id).state == ViolationState.PROPOSED


def test_a_proposal_before_an_earlier_counted_one_escalates_on_confirm(client, auth, people, catalogue,
                                                                        make_violation):
    make_violation(people.desk_staff, catalogue["2-3a"], state=ViolationState.FINAL,
                   occurred_at=utc_of_local(recent(days=30)), amount=Decimal("20.00"))
    proposal = _propose(people.desk_staff)
    assert proposal.occurrence == 2 and proposal.amount == Decimal("40.00")
    assert recent(days=2) - recent(days=30) < timedelta(days=90)


def test_an_escalated_proposal_confirms_with_its_computed_amount(client, auth, people, catalogue, make_violation):
    make_violation(people.desk_staff, catalogue["2-3a"], state=ViolationState.FINAL,
                   occurred_at=utc_of_local(recent(days=30)), amount=Decimal("20.00"))
    proposal = _propose(people.desk_staff)
    auth.login("head")
    client.post(f"/conduct/violations/{proposal.id}/confirm", data={"version_id": proposal.version_id})
    proposal = db.session.get(Violation, proposal.id)
    assert proposal.state == ViolationState.DRAFT and proposal.amount == Decimal("40.00")
