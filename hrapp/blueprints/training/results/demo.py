"""What seed-demo adds for results (after the sessions part's demo sessions): on every past session with
enrolments, most people present (a few absent, one excused), scores for assessed courses (a few fails, retaken
in a later session of the course), certificates for certifying courses (a few expiring within 30 days and one
expired), feedback from most attendees (mostly satisfied). Through the services people use; idempotent (what is
marked, scored or rated already is left alone). Nothing when there are no past sessions."""
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.training import rules
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    Certificate,
    Enrolment,
    EnrolmentStatus,
    Presence,
    SessionStatus,
    TrainingSession,
    User,
    utcnow,
)

from .assessment import record_attempt, session_attempts
from .feedback import feedback_refusal, give_feedback
from .register import mark_presence, register_rows

RATINGS = (5, 4, 3, 2, 1)
RATING_WEIGHTS = (45, 35, 12, 6, 2)
COMMENTS = ("讲得很清楚，案例实用。", "时间有点紧，希望多些练习。", "对日常工作很有帮助。", "希望下次有更多互动。", "")
EXPIRING_SOON, EXPIRED = 3, 1


def _user_of(staff_id: int) -> User | None:
    return db.session.scalar(sa.select(User).where(User.staff_id == staff_id, User.is_enabled.is_(True)).limit(1))


def _score(rng, course, fail: bool) -> Decimal:
    low, high = (Decimal(0), course.pass_score - 1) if fail else (course.pass_score, course.max_score)
    return Decimal(rng.randint(int(low) * 2, int(high) * 2)) / 2 if high >= low else course.pass_score


def _retakers(session: TrainingSession, failed: dict[int, set[int]]) -> list[int]:
    """People who failed this course before, not enrolled in this later session (at most two)."""
    enrolled = {e.staff_id for e in session.enrolments}
    return [s for s in sorted(failed.get(session.course_id, set())) if s not in enrolled][:2]


def _mark(hr, rng, rows, excused_done: bool) -> tuple[int, bool]:
    marked = 0
    for enrolment in rows:
        if enrolment.presence != Presence.UNMARKED:
            continue
        roll = rng.random()
        if not excused_done and roll < 0.05:
            presence, excused_done = Presence.EXCUSED, True
        else:
            presence = Presence.ABSENT if roll < 0.1 else Presence.PRESENT
        mark_presence(hr, enrolment, presence, None)
        marked += 1
    return marked, excused_done


def _score_all(hr, rng, session, rows, failed: dict[int, set[int]]) -> int:
    course, scored = session.course, 0
    if not course.assessed:
        return 0
    done = session_attempts(session)
    for enrolment in rows:
        if enrolment.presence != Presence.PRESENT or enrolment.staff_id in done:
            continue
        retake = enrolment.staff_id in failed.get(course.id, set())
        try:
            with db.session.begin_nested():
                attempt = record_attempt(hr, enrolment, _score(rng, course, fail=not retake and rng.random() < 0.15))
        except ValidationFailed:  # already passed, no retakes left, an earlier session...
            continue
        scored += 1
        failing = failed.setdefault(course.id, set())
        if attempt.passed:
            failing.discard(enrolment.staff_id)
        else:
            failing.add(enrolment.staff_id)
    return scored


def _feedback(rng, rows) -> int:
    given = 0
    for enrolment in rows:
        if feedback_refusal(enrolment) is not None or rng.random() < 0.15:
            continue
        rating = rng.choices(RATINGS, weights=RATING_WEIGHTS)[0]
        give_feedback(_user_of(enrolment.staff_id), enrolment, rating, rng.choice(COMMENTS))
        given += 1
    return given


def _spread_expiry(rng, today) -> int:
    """Re-date a few certificates so the overdue list has something: EXPIRING_SOON expire within 30 days and
    EXPIRED one has expired (their issue date moved back so the validity still holds). Idempotent."""
    soon = today + timedelta(days=30)
    if db.session.scalar(sa.select(Certificate.id).where(Certificate.superseded.is_(False),
                                                         Certificate.expires_on <= soon).limit(1)):
        return 0
    rows = db.session.scalars(sa.select(Certificate).where(Certificate.superseded.is_(False),
                                                           Certificate.expires_on.is_not(None))
                              .order_by(Certificate.id)).all()
    picked = rng.sample(rows, min(len(rows), EXPIRING_SOON + EXPIRED))
    for index, certificate in enumerate(picked):
        target = today - timedelta(days=rng.randint(2, 20)) if index < EXPIRED else \
            today + timedelta(days=rng.randint(3, 28))
        months = certificate.course.certificate_months
        certificate.issued_on = rules.add_months(target + timedelta(days=1), -months)
        certificate.expires_on = rules.certificate_expiry(certificate.issued_on, months)
    return len(picked)


def seed_demo(report) -> None:
    """Attendance, scores, certificates and feedback on the past sessions; counts on the report."""
    hr, rng = report.users["hr"], report.rng
    sessions = db.session.scalars(sa.select(TrainingSession).where(
        TrainingSession.status == SessionStatus.SCHEDULED, TrainingSession.ends_at < utcnow(),
        TrainingSession.id.in_(sa.select(Enrolment.session_id))).order_by(TrainingSession.starts_at)).all()
    failed: dict[int, set[int]] = {}
    marked = scored = rated = 0
    excused_done = False
    for session in sessions:
        if all(e.presence != Presence.UNMARKED for e in session.enrolments
               if e.status == EnrolmentStatus.ENROLLED):
            continue  # done by an earlier run (or by hand): left as it is
        for staff_id in _retakers(session, failed):
            db.session.add(Enrolment(session_id=session.id, staff_id=staff_id, status=EnrolmentStatus.ENROLLED,
                                     enrolled_by_id=hr.id))
        db.session.flush()
        db.session.refresh(session)
        rows = register_rows(session)
        count, excused_done = _mark(hr, rng, rows, excused_done)
        marked += count
        scored += _score_all(hr, rng, session, rows, failed)
        rated += _feedback(rng, rows)
    redated = _spread_expiry(rng, report.today)
    db.session.flush()
    certificates = db.session.scalar(sa.select(sa.func.count()).select_from(Certificate))
    report.counts.update(training_marked=marked, training_attempts=scored, training_certificates=certificates,
                         training_feedback=rated)
    if sessions:
        report.summary.append(f"Training results: {marked} marked, {scored} scores, {certificates} certificates "
                              f"({redated} re-dated to expire soon), {rated} feedback.")
