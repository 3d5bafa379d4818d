"""What seed-demo adds for appraisals, after the templates part's templates: last quarter's cycle taken through every
stage as people would (opened, self-assessed, KPIs imported and metrics computed, scored, calibrated with a few
adjustments, published, acknowledged with one appeal decided, outcomes confirmed, closed) and the current quarter's
cycle open in self-assessment with a few drafts. Each step is the owning part's demo function over its services.
Idempotent: nothing is added once last quarter's cycle exists.
"""
import sqlalchemy as sa

from hrapp.core.periods import QUARTER, period_of
from hrapp.extensions import db
from hrapp.models import AppraisalCycle

from .calibration.demo import demo_calibrate
from .cycles.demo import demo_advance, demo_close, demo_open_cycle, demo_publish
from .metrics.demo import demo_kpis, demo_metrics
from .outcomes.demo import demo_outcomes
from .scoring.demo import demo_head_scores, demo_peer_feedback, demo_self_assess
from .signoff.demo import demo_signoff


def seed_demo(report) -> None:
    """Both cycles (see the module docstring); a line on the report's summary."""
    current = period_of(QUARTER, report.today)
    last = current.previous()
    if db.session.scalar(sa.select(AppraisalCycle.id).where(AppraisalCycle.name == last.name)) is not None:
        return
    hr, rng = report.users["hr"], report.rng
    past = demo_open_cycle(last.name, last.first, last.last, hr)
    if past is None:
        return
    demo_self_assess(past, rng)
    demo_peer_feedback(past, rng)
    demo_advance(past, hr)
    demo_kpis(past, hr, rng)
    demo_metrics(past, hr)
    demo_head_scores(past, rng)
    demo_advance(past, hr)
    demo_calibrate(past, hr, rng)
    demo_publish(past, hr)
    demo_signoff(past, rng)
    demo_outcomes(past, hr)
    demo_close(past, hr)
    now = demo_open_cycle(current.name, current.first, current.last, hr)
    if now is not None:
        demo_self_assess(now, rng, share=0.1)
