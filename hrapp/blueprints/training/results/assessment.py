"""Assessment attempts and the certificates they earn: recording a score for a present attendee (retakes in later
sessions, up to the course's limit), editing a score with a reason, and the certificate a pass at a certifying
course issues (numbered TC-<year>-<5 digits>, an older one of the same course superseded). Never commits."""
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp import audit
from hrapp.blueprints.training import rules
from hrapp.blueprints.training.signals import training_completed
from hrapp.company import local_day
from hrapp.core.errors import check_version
from hrapp.extensions import db
from hrapp.models import Attempt, Certificate, Enrolment, EnrolmentStatus, Presence, TrainingSession

from .messages import refusal

ATTEMPT_FIELDS = ("staff_id", "course_id", "session_id", "number", "score", "max_score", "pass_score", "passed",
                  "taken_on")
CERTIFICATE_FIELDS = ("number", "staff_id", "course_id", "issued_on", "expires_on", "superseded")


def check_score(score: Decimal | None, max_score: Decimal) -> None:
    """:raise ResultsError: the score is missing, negative or above the maximum (rules.score_refusal)."""
    code = rules.score_refusal(score, max_score)
    if code is not None:
        raise refusal("score", code, max=f"{max_score.normalize():f}")


def attempts_of(staff_id: int, course_id: int) -> list[Attempt]:
    """A person's attempts at a course, first first."""
    return list(db.session.scalars(sa.select(Attempt).where(Attempt.staff_id == staff_id,
                                                            Attempt.course_id == course_id).order_by(Attempt.number)))


def session_attempts(session: TrainingSession) -> dict[int, Attempt]:
    """staff id -> their attempt in this session."""
    return {a.staff_id: a for a in db.session.scalars(sa.select(Attempt).options(
        joinedload(Attempt.staff), joinedload(Attempt.certificate)).where(Attempt.session_id == session.id))}


def renewable(passed_attempt: Attempt, on) -> bool:
    """A pass whose certificate has expired, or expires within the reminder window (30 days) of `on`: the person
    may take the course again to renew it (their retakes counted afresh)."""
    certificate = passed_attempt.certificate
    return (certificate is not None and certificate.expires_on is not None
            and certificate.expires_on <= on + timedelta(days=max(rules.EXPIRY_REMINDER_DAYS)))


def check_next_attempt(enrolment: Enrolment) -> int:
    """The number the person's next attempt at the course gets, once nothing refuses it.

    :raise ResultsError: the course is not assessed; the person is not present (or not enrolled) at this session;
        they already have an attempt here or in a later session; already passed (unless the pass's certificate is
        up for renewal); no retakes left.
    """
    session, course = enrolment.session, enrolment.session.course
    if not course.assessed:
        raise refusal("score", "not_assessed")
    if enrolment.status != EnrolmentStatus.ENROLLED or enrolment.presence != Presence.PRESENT:
        raise refusal("enrolment_id", "not_present")
    previous = attempts_of(enrolment.staff_id, course.id)
    if any(a.session_id == session.id for a in previous):
        raise refusal("enrolment_id", "already_here")
    since, passed = previous, any(a.passed for a in previous)
    last_pass = next((a for a in reversed(previous) if a.passed), None)
    if last_pass is not None and renewable(last_pass, local_day(session.starts_at)):
        since, passed = [a for a in previous if a.number > last_pass.number], False
    code = rules.next_attempt_refusal(len(since), passed, course.retakes)
    if code is not None:
        raise refusal("enrolment_id", code, allowed=rules.attempts_allowed(course.retakes))
    if any(a.session.starts_at >= session.starts_at for a in previous):
        raise refusal("enrolment_id", "later_session")
    return max((a.number for a in previous), default=0) + 1


def record_attempt(actor, enrolment: Enrolment, score: Decimal | None) -> Attempt:
    """Record a present attendee's score in this session: the next attempt number at the course, passed against
    the course's pass mark (both stored with it); a pass issues the certificate of a certifying course and
    completes the course. A double submit loses on the (person, course, number) constraint.

    :raise ResultsError: see check_score and check_next_attempt.
    """
    course = enrolment.session.course
    if course.assessed:
        check_score(score, course.max_score)
    number = check_next_attempt(enrolment)
    attempt = Attempt(staff_id=enrolment.staff_id, course_id=course.id, session_id=enrolment.session_id,
                      number=number, score=score, max_score=course.max_score, pass_score=course.pass_score,
                      passed=rules.passed(score, course.pass_score), taken_on=local_day(enrolment.session.starts_at),
                      recorded_by_id=getattr(actor, "id", None))
    db.session.add(attempt)
    db.session.flush()
    audit.record(actor, "training.record_attempt", attempt, None, audit.snapshot(attempt, ATTEMPT_FIELDS),
                 label=_label(attempt))
    if attempt.passed:
        _passed(actor, attempt)
    return attempt


def edit_attempt(actor, attempt: Attempt, score: Decimal | None, reason: str,
                 expected_version: int | None) -> Attempt:
    """Correct a score (with a reason): passed is recomputed against the pass mark stored with the attempt; a new
    pass issues the certificate, a pass turned into a fail withdraws it (the one it superseded is valid again).

    :raise StaleRecord: the attempt changed since the page was loaded. :raise ResultsError: a bad score, no reason.
    """
    check_version(attempt, expected_version)
    check_score(score, attempt.max_score)
    if not (reason or "").strip():
        raise refusal("reason", "reason_required")
    before = audit.snapshot(attempt, ("score", "passed"))
    was_passed = attempt.passed
    attempt.score, attempt.passed = score, rules.passed(score, attempt.pass_score)
    db.session.flush()
    audit.record(actor, "training.edit_attempt", attempt, before,
                 audit.snapshot(attempt, ("score", "passed")) | {"reason": reason.strip()[:255]},
                 label=_label(attempt))
    if attempt.passed and not was_passed:
        _passed(actor, attempt)
    elif was_passed and not attempt.passed and attempt.certificate is not None:
        withdraw_certificate(actor, attempt.certificate)
    return attempt


def _label(attempt: Attempt) -> str:
    return f"{attempt.staff.staff_number} {attempt.course.code} #{attempt.number}"


def _passed(actor, attempt: Attempt) -> None:
    if attempt.course.certifying and attempt.certificate is None:
        issue_certificate(actor, attempt)
    training_completed.send(None, staff_id=attempt.staff_id, course_id=attempt.course_id, on=attempt.taken_on)


def certificate_refusal(attempt: Attempt) -> str | None:
    """Why an attempt has (and prints) no certificate: failed, or the course certifies nothing; None if it does."""
    if not attempt.passed:
        return "certificate_failed"
    if not attempt.course.certifying:
        return "certificate_not_certifying"
    return None


def next_certificate_number(year: int) -> str:
    """"TC-<year>-<5 digits>", one above the year's highest (the unique constraint settles a race)."""
    prefix = f"TC-{year}-"
    last = db.session.scalar(sa.select(sa.func.max(Certificate.number)).where(Certificate.number.like(f"{prefix}%")))
    return f"{prefix}{int(last.removeprefix(prefix)) + 1 if last else 1:05d}"


def issue_certificate(actor, attempt: Attempt) -> Certificate:
    """The certificate of a passed attempt at a certifying course: issued on the day taken, valid for the
    course's months; the person's certificates of the course issued before it are superseded (one issued after it
    supersedes it instead).

    :raise ResultsError: the attempt failed, or the course certifies nothing.
    """
    code = certificate_refusal(attempt)
    if code is not None:
        raise refusal("score", code)
    older = db.session.scalars(sa.select(Certificate).where(
        Certificate.staff_id == attempt.staff_id, Certificate.course_id == attempt.course_id,
        Certificate.superseded.is_(False))).all()
    certificate = Certificate(number=next_certificate_number(attempt.taken_on.year), attempt_id=attempt.id,
                              staff_id=attempt.staff_id, course_id=attempt.course_id, issued_on=attempt.taken_on,
                              expires_on=rules.certificate_expiry(attempt.taken_on, attempt.course.certificate_months))
    # only those issued before it are superseded; a later valid one (an earlier attempt's score corrected to a
    # pass) stays, and this one is born superseded by it
    certificate.superseded = any(c.issued_on > attempt.taken_on for c in older)
    db.session.add(certificate)
    db.session.flush()
    for old in (c for c in older if c.issued_on <= attempt.taken_on):
        old.superseded = True
        audit.record(actor, "training.supersede_certificate", old, {"superseded": False}, {"superseded": True},
                     label=old.number)
    audit.record(actor, "training.issue_certificate", certificate, None,
                 audit.snapshot(certificate, CERTIFICATE_FIELDS), label=certificate.number)
    attempt.certificate = certificate
    return certificate


def withdraw_certificate(actor, certificate: Certificate) -> None:
    """Remove the certificate of an attempt that no longer passes; the person's latest other certificate of the
    course (the one it superseded) is valid again."""
    audit.record(actor, "training.withdraw_certificate", certificate, audit.snapshot(certificate, CERTIFICATE_FIELDS),
                 None, label=certificate.number)
    staff_id, course_id, attempt = certificate.staff_id, certificate.course_id, certificate.attempt
    attempt.certificate = None
    db.session.delete(certificate)
    db.session.flush()
    previous = db.session.scalar(sa.select(Certificate).where(
        Certificate.staff_id == staff_id, Certificate.course_id == course_id)
        .order_by(Certificate.issued_on.desc(), Certificate.id.desc()).limit(1))
    if previous is not None and previous.superseded:
        previous.superseded = False
        audit.record(actor, "training.restore_certificate", previous, {"superseded": True}, {"superseded": False},
                     label=previous.number)
