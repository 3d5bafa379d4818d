"""Anonymous peer feedback: a colleague's rating (1–5) and comment, once per person and appraisal (the
database's unique constraint settles a double click), and the summary the head, HR and — once published — the
person read: the average and the comments, never who gave them. Never commits.

Peer feedback is not written to the audit trail: the trail names its actor, and the reviewer must stay unknown."""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.models import Appraisal, PeerFeedback

from .. import rules
from ..access import can_give_peer_feedback
from .entries import COMMENT_MAX
from .messages import refusal

RATINGS = (1, 2, 3, 4, 5)


def given_by(appraisal: Appraisal, staff_id: int | None) -> bool:
    """Whether the colleague `staff_id` has already given feedback on `appraisal`."""
    if staff_id is None:
        return False
    return db.session.scalar(sa.select(sa.func.count()).select_from(PeerFeedback).where(
        PeerFeedback.appraisal_id == appraisal.id, PeerFeedback.reviewer_staff_id == staff_id)) > 0


def give_feedback(actor, appraisal: Appraisal, rating: int | None, comment: str) -> PeerFeedback:
    """Record `actor`'s feedback on a colleague's appraisal.

    :raise TransitionForbidden: not a colleague who may give it now.
    :raise ScoringError: no rating (or out of 1..5); already given.
    """
    if not can_give_peer_feedback(actor, appraisal):
        raise TransitionForbidden("peer_feedback")
    if rating not in RATINGS:
        raise refusal("rating", "rating_required")
    if given_by(appraisal, actor.staff_id):
        raise refusal("rating", "peer_twice")
    feedback = PeerFeedback(appraisal_id=appraisal.id, reviewer_staff_id=actor.staff_id, rating=rating,
                            comment=(comment or "").strip()[:COMMENT_MAX])
    db.session.add(feedback)
    db.session.flush()
    return feedback


@dataclass(frozen=True)
class PeerSummary:
    """How many gave feedback, their average rating (None when none rated) and their comments (no names)."""

    count: int
    average: Decimal | None
    comments: tuple[str, ...]


def summary(appraisal: Appraisal) -> PeerSummary:
    """The anonymous summary of the feedback on `appraisal` (comments in a stable order that is not the order
    they were given, so the page reveals nothing of who wrote which)."""
    rows = db.session.execute(sa.select(PeerFeedback.rating, PeerFeedback.comment)
                              .where(PeerFeedback.appraisal_id == appraisal.id)).all()
    ratings = [r for r, _ in rows if r is not None]
    average = rules.rounded(Decimal(sum(ratings)) / len(ratings)) if ratings else None
    return PeerSummary(len(rows), average, tuple(sorted(c for _, c in rows if c.strip())))
