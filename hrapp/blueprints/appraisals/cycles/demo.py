"""The cycles part's steps of the appraisal demo (appraisals/demo.py sequences them; this part sets no seed_demo):
each works on a cycle already in the right stage through the part's services, with the given actor; idempotent
(a step whose stage is already reached does nothing). Never commits.

- demo_open_cycle: create the cycle (deadlines one, two and three weeks ahead) and open it; None when no usable
  template exists (nothing is created then).
- demo_advance: the next stage (or, with `to`, up to that stage).
- demo_publish: publish the scored results (the unscored ones are left, as "publish anyway").
- demo_close: close the cycle. For the demo's sake, results still inside their window to respond get a
  respond_by of yesterday first (closing is refused otherwise); the appeals must be decided before.
"""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.company import company_today
from hrapp.core.periods import PeriodError, parse_period
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, CycleStage

from .opening import open_cycle, usable_templates
from .services import CycleDraft, create_cycle
from .stages import advance, close, publish

ORDER = tuple(CycleStage)


def _find(name: str) -> AppraisalCycle | None:
    return db.session.scalar(sa.select(AppraisalCycle).where(AppraisalCycle.name == name))


def demo_open_cycle(name: str, first_on: date, last_on: date, actor) -> AppraisalCycle | None:
    """The cycle `name` over first_on..last_on, opened; None when no usable template exists."""
    cycle = _find(name)
    if cycle is not None and cycle.stage != CycleStage.SETUP:
        return cycle
    if not usable_templates():
        return None
    if cycle is None:
        today = company_today()
        draft = CycleDraft(name, today + timedelta(days=7), today + timedelta(days=14), today + timedelta(days=21),
                           note="演示")
        try:
            parse_period(name)
            cycle = create_cycle(actor, draft)
        except PeriodError:
            cycle = AppraisalCycle(name=name, first_on=first_on, last_on=last_on, self_due_on=draft.self_due_on,
                                   head_due_on=draft.head_due_on, calibration_due_on=draft.calibration_due_on,
                                   note=draft.note, created_by_id=actor.id)
            db.session.add(cycle)
            db.session.flush()
    open_cycle(actor, cycle, None)
    return cycle


def demo_advance(cycle: AppraisalCycle, actor, to: CycleStage | None = None) -> AppraisalCycle:
    """One stage on (or on up to `to`; nothing when it is already there or beyond)."""
    target = to or (ORDER[ORDER.index(cycle.stage) + 1] if cycle.stage != CycleStage.CLOSED else cycle.stage)
    while ORDER.index(cycle.stage) < ORDER.index(target):
        advance(actor, cycle, anyway=True)
    return cycle


def demo_publish(cycle: AppraisalCycle, actor) -> list[int]:
    """Publish the scored results (from calibration); nothing once published."""
    if cycle.stage != CycleStage.CALIBRATION:
        return []
    return publish(actor, cycle, None, anyway=True)


def demo_close(cycle: AppraisalCycle, actor) -> int:
    """Close a published cycle, backdating the windows still open to yesterday (see the module docstring)."""
    if cycle.stage != CycleStage.PUBLISHED:
        return 0
    yesterday = company_today() - timedelta(days=1)
    for appraisal in db.session.scalars(sa.select(Appraisal).where(
            Appraisal.cycle_id == cycle.id, Appraisal.status == AppraisalStatus.PUBLISHED,
            sa.or_(Appraisal.respond_by.is_(None), Appraisal.respond_by >= company_today()))):
        appraisal.respond_by = yesterday
    db.session.flush()
    return close(actor, cycle, None)
