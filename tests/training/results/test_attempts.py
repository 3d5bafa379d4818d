"""Scores: only present attendees, refused when missing, negative or above the maximum; pass at exactly the pass
mark; retakes in a later session up to the limit and never after a pass; a pass at a certifying course issues a
numbered certificate (an older one superseded), a fail never; a corrected score recomputes both."""
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training import rules
from hrapp.blueprints.training.results import assessment
from hrapp.blueprints.training.results.messages import MESSAGES, ResultsError
from hrapp.blueprints.training.signals import training_completed
from hrapp.company import local_day
from hrapp.extensions import db
from hrapp.models import Attempt, AuditEntry, Certificate, Presence
from tests.access_matrix import login
from tests.conftest import count
from tests.training.fixtures import write_enrolment, write_session

from .conftest import later


def reload(row):
    db.session.expire_all()
    return db.session.get(type(row), row.id)


@pytest.fixture
def present(scene):
    scene.desk.presence = Presence.PRESENT
    db.session.commit()
    return scene


def post_score(client, session, enrolment, score):
    return client.post(f"/training/results/sessions/{session.id}/scores",
                       data={"enrolment_id": enrolment.id, "score": score})


@pytest.mark.parametrize("score", ["", "-1", "100.5", "abc", "NaN", "Infinity"])
def test_bad_scores_are_refused(app, present, score):
    hr = login(app, "hr")
    response = post_score(hr, present.session, present.desk, score)
    assert response.status_code == 200 and 'id="attempt-form"' in response.get_data(as_text=True)
    assert count(Attempt) == 0


@pytest.mark.parametrize("score, maximum", [(None, "missing"), (Decimal("-0.5"), "negative"),
                                            (Decimal("101"), "above_max")])
def test_score_refusals_name_the_problem(present, score, maximum):
    with pytest.raises(ResultsError) as refused:
        assessment.record_attempt(present.hr, present.desk, score)
    assert refused.value.field == "score" and count(Attempt) == 0


@pytest.mark.parametrize("score, passed", [("60", True), ("59.5", False), ("100", True), ("0", False)])
def test_pass_at_exactly_the_pass_mark(app, present, score, passed):
    trainer = login(app, "other")
    assert post_score(trainer, present.session, present.desk, score).status_code == 302
    attempt = db.session.scalar(sa.select(Attempt))
    assert attempt.passed is passed and attempt.number == 1 and attempt.pass_score == Decimal("60")
    assert attempt.taken_on == local_day(present.session.starts_at)
    assert (attempt.certificate is not None) is passed


def test_only_present_people_get_a_score(app, scene):
    hr = login(app, "hr")
    assert post_score(hr, scene.session, scene.desk, "80").status_code == 200  # unmarked: not a choice
    with pytest.raises(ResultsError):
        assessment.record_attempt(scene.hr, reload(scene.desk), Decimal("80"))
    assert count(Attempt) == 0


def test_a_pass_issues_a_certificate_and_completes_the_course(app, present):
    sent = []

    def receiver(sender, **kw):
        sent.append(kw)
    training_completed.connect(receiver)
    try:
        assert post_score(login(app, "hr"), present.session, present.desk, "75").status_code == 302
    finally:
        training_completed.disconnect(receiver)
    certificate = db.session.scalar(sa.select(Certificate))
    attempt = certificate.attempt
    assert certificate.number == f"TC-{attempt.taken_on.year}-00001"
    assert certificate.issued_on == attempt.taken_on
    assert certificate.expires_on == rules.certificate_expiry(attempt.taken_on, 12)
    assert sent and sent[0]["staff_id"] == present.desk_staff.id
    actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert {"training.record_attempt", "training.issue_certificate"} <= actions


def test_a_failed_attempt_has_no_certificate_and_issuing_one_is_refused(app, present):
    post_score(login(app, "hr"), present.session, present.desk, "40")
    attempt = db.session.scalar(sa.select(Attempt))
    assert attempt.certificate is None and count(Certificate) == 0
    with pytest.raises(ResultsError) as refused:
        assessment.issue_certificate(present.hr, attempt)
    assert refused.value.message == str(MESSAGES["certificate_failed"])
    page = login(app, "hr").get(f"/training/results/sessions/{present.session.id}").get_data(as_text=True)
    assert "certificate-refused" in page


def test_a_retake_in_a_later_session_up_to_the_limit(app, present):
    hr = login(app, "hr")
    post_score(hr, present.session, present.desk, "30")
    second = later(present, days=3)
    third = later(present, days=6)
    e2 = write_enrolment(second, present.desk_staff, presence=Presence.PRESENT)
    e3 = write_enrolment(third, present.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    assert post_score(hr, second, e2, "50").status_code == 302  # the one retake allowed
    response = post_score(hr, third, e3, "90")  # a third attempt: no retakes left
    assert response.status_code == 200
    assert [a.number for a in db.session.scalars(sa.select(Attempt).order_by(Attempt.number))] == [1, 2]


def test_no_attempt_after_a_pass(app, present):
    hr = login(app, "hr")
    post_score(hr, present.session, present.desk, "90")
    second = later(present, days=3)
    e2 = write_enrolment(second, present.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    with pytest.raises(ResultsError) as refused:
        assessment.record_attempt(present.hr, e2, Decimal("95"))
    assert refused.value.field == "enrolment_id" and count(Attempt) == 1


def test_a_retake_must_be_in_a_later_session(app, present):
    earlier = write_enrolment(present.past, present.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    assessment.record_attempt(present.hr, present.desk, Decimal("20"))
    with pytest.raises(ResultsError):
        assessment.record_attempt(present.hr, earlier, Decimal("80"))
    with pytest.raises(ResultsError):  # and never twice in one session
        assessment.record_attempt(present.hr, present.desk, Decimal("80"))


def test_a_double_submit_records_one_attempt(app, present, monkeypatch):
    """Two submits racing: both computed number 1; the constraint refuses the second with the normal message."""
    assessment.record_attempt(present.hr, present.desk, Decimal("70"))
    db.session.commit()
    monkeypatch.setattr(assessment, "check_next_attempt", lambda enrolment: 1)
    response = post_score(login(app, "hr"), present.session, present.desk, "70")
    assert response.status_code == 200 and count(Attempt) == 1


def test_a_renewal_supersedes_the_older_certificate(app, present):
    """A pass whose certificate expires within 30 days may be renewed by taking the course again."""
    year_ago = write_session(present.course, starts_at=present.now - timedelta(days=360), department=present.front)
    old = write_enrolment(year_ago, present.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    first = assessment.record_attempt(present.hr, old, Decimal("80"))
    db.session.commit()
    assert first.certificate.expires_on <= local_day(present.now) + timedelta(days=30)
    assert post_score(login(app, "hr"), present.session, present.desk, "85").status_code == 302
    one = reload(first.certificate)
    two = db.session.scalar(sa.select(Certificate).where(Certificate.id != one.id))
    assert one.superseded and not two.superseded and two.attempt.number == 2
    assert re.fullmatch(r"TC-\d{4}-\d{5}", two.number) and two.number != one.number
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.supersede_certificate"))
    assert entry.target_id == one.id


def test_a_valid_certificate_is_not_renewed_early(app, present):
    old = write_enrolment(present.past, present.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    assessment.record_attempt(present.hr, old, Decimal("80"))
    db.session.commit()
    with pytest.raises(ResultsError) as refused:
        assessment.record_attempt(present.hr, reload(present.desk), Decimal("85"))
    assert refused.value.message == str(MESSAGES["already_passed"])


def test_editing_a_score_recomputes_pass_and_certificate(app, present):
    attempt = assessment.record_attempt(present.hr, present.desk, Decimal("70"))
    db.session.commit()
    hr = login(app, "hr")
    url = f"/training/results/attempts/{attempt.id}/edit"
    assert hr.get(url).status_code == 200
    refused = hr.post(url, data={"score": "40", "reason": "", "version_id": attempt.version_id})
    assert refused.status_code == 200 and reload(attempt).passed
    assert hr.post(url, data={"score": "40", "reason": "阅卷错误", "version_id": attempt.version_id}).status_code == 302
    attempt = reload(attempt)
    assert not attempt.passed and attempt.certificate is None and count(Certificate) == 0
    stale = hr.post(url, data={"score": "90", "reason": "复核", "version_id": attempt.version_id - 1})
    assert stale.status_code == 409 and not reload(attempt).passed
    assert hr.post(url, data={"score": "90", "reason": "复核", "version_id": attempt.version_id}).status_code == 302
    attempt = reload(attempt)
    assert attempt.passed and attempt.certificate is not None
    assert hr.post(url, data={"score": "101", "reason": "x", "version_id": attempt.version_id}).status_code == 200
    assert reload(attempt).score == Decimal("90")


def test_correcting_an_earlier_attempt_to_a_pass_leaves_the_later_certificate_valid(app, present):
    """Failed ten days ago, passed today: correcting the old score to a pass issues its certificate already
    superseded by today's, whose expiry stays."""
    old = write_enrolment(present.past, present.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    first = assessment.record_attempt(present.hr, old, Decimal("40"))
    db.session.commit()
    second = assessment.record_attempt(present.hr, reload(present.desk), Decimal("80"))
    db.session.commit()
    today = reload(second.certificate)
    assessment.edit_attempt(present.hr, reload(first), Decimal("70"), "阅卷错误", reload(first).version_id)
    db.session.commit()
    earlier = reload(first).certificate
    assert earlier is not None and earlier.superseded and earlier.issued_on < today.issued_on
    assert not reload(today).superseded
