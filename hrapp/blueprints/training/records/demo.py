"""What seed-demo adds for induction: the catch-up run over the demo's recent hires and transfers (the last 60
days), so they have their positions' required courses, and a few of them marked done. Nothing when no position
requires a course; running it again adds nothing."""
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from hrapp.company import utc_of_local
from hrapp.extensions import db
from hrapp.models import InductionAssignment, InductionStatus

from .induction import catch_up_inductions

DONE_SHARE = 3  # every third new assignment is marked done, as if the person had attended already


def seed_demo(report) -> None:
    """Assign the recent placements' inductions; mark some done (only on the first run); counts on the report."""
    made = catch_up_inductions(utc_of_local(datetime.combine(report.today, time(12))))
    already_done = db.session.scalar(sa.select(sa.func.count()).select_from(InductionAssignment)
                                     .where(InductionAssignment.status == InductionStatus.DONE))
    if made and not already_done:
        for index, row in enumerate(db.session.scalars(
                sa.select(InductionAssignment).where(InductionAssignment.status == InductionStatus.OPEN)
                .order_by(InductionAssignment.id))):
            if index % DONE_SHARE == 0:
                row.status = InductionStatus.DONE
                row.completed_on = min(row.assigned_on + timedelta(days=3), report.today)
        db.session.flush()
    report.counts.update(training_inductions=made)
    done = db.session.scalar(sa.select(sa.func.count()).select_from(InductionAssignment)
                             .where(InductionAssignment.status == InductionStatus.DONE))
    report.summary.append(f"Training inductions: {made} assigned to recent hires and transfers ({done} done).")
