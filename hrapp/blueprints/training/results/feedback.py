"""Feedback on a session (once per enrolment): only from people marked present, once the session has started;
a rating on the five-level scale and a short comment. Never commits."""
from datetime import datetime

import sqlalchemy as sa

from hrapp import audit
from hrapp.extensions import db
from hrapp.models import Enrolment, EnrolmentStatus, Feedback, FeedbackRating, Presence, TrainingSession, utcnow

from .messages import refusal

COMMENT_MAX = 200


def feedback_of(enrolment: Enrolment) -> Feedback | None:
    return db.session.scalar(sa.select(Feedback).where(Feedback.enrolment_id == enrolment.id))


def feedback_refusal(enrolment: Enrolment, now: datetime | None = None) -> str | None:
    """Why the person of `enrolment` may not give feedback now ("feedback_not_attended", "feedback_too_early",
    "feedback_twice"), or None."""
    if enrolment.status != EnrolmentStatus.ENROLLED or enrolment.presence != Presence.PRESENT:
        return "feedback_not_attended"
    if (now or utcnow()) < enrolment.session.starts_at:
        return "feedback_too_early"
    if feedback_of(enrolment) is not None:
        return "feedback_twice"
    return None


def give_feedback(actor, enrolment: Enrolment, rating: int | None, comment: str,
                  now: datetime | None = None) -> Feedback:
    """Store the person's rating and comment (trimmed to 200 characters), audited. A second submit racing the
    first loses on the one-per-enrolment constraint.

    :raise ResultsError: no rating; not attended; before the start; given already.
    """
    if rating not in {r.value for r in FeedbackRating}:
        raise refusal("rating", "rating_required")
    code = feedback_refusal(enrolment, now)
    if code is not None:
        raise refusal("rating", code)
    row = Feedback(enrolment_id=enrolment.id, session_id=enrolment.session_id, rating=int(rating),
                   comment=(comment or "").strip()[:COMMENT_MAX], given_at=now or utcnow())
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "training.give_feedback", row, None,
                 {"session_id": row.session_id, "rating": row.rating, "comment": row.comment},
                 label=enrolment.staff.staff_number)
    return row


def my_recent_sessions(staff_id: int, limit: int = 10) -> list[tuple[Enrolment, Feedback | None]]:
    """The person's latest sessions they attended, with the feedback they gave (None: not yet)."""
    rows = db.session.scalars(sa.select(Enrolment).join(Enrolment.session).where(
        Enrolment.staff_id == staff_id, Enrolment.status == EnrolmentStatus.ENROLLED,
        Enrolment.presence == Presence.PRESENT).order_by(TrainingSession.starts_at.desc(), Enrolment.id.desc())
        .limit(limit)).all()
    given = {f.enrolment_id: f for f in db.session.scalars(
        sa.select(Feedback).where(Feedback.enrolment_id.in_([e.id for e in rows])))} if rows else {}
    return [(e, given.get(e.id)) for e in rows]
