"""What the results pages read: a session's feedback summary. Reads only."""
from dataclasses import dataclass

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Feedback, FeedbackRating, TrainingSession


@dataclass(frozen=True)
class FeedbackSummary:
    """How many gave each rating (best first), the average, and the comments (latest first)."""

    counts: tuple[tuple[FeedbackRating, int], ...]
    total: int
    average: float | None
    comments: tuple[Feedback, ...]


def session_feedback(session: TrainingSession) -> FeedbackSummary:
    rows = db.session.scalars(sa.select(Feedback).where(Feedback.session_id == session.id)
                              .order_by(Feedback.given_at.desc(), Feedback.id.desc())).all()
    counts = tuple((r, sum(1 for f in rows if f.rating == r.value)) for r in FeedbackRating)
    average = round(sum(f.rating for f in rows) / len(rows), 2) if rows else None
    return FeedbackSummary(counts, len(rows), average, tuple(f for f in rows if f.comment))
