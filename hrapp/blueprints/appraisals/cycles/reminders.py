"""The tick task "appraisals.deadline_reminders": two days before the self-assessment's deadline the people still
to self-assess are reminded; two days before the head scoring's deadline each scorer is reminded once with how
many wait for them; the day after a deadline, an overdue notice to the person (or each scorer) and one to HR.

Idempotent through AppraisalReminder's unique (cycle, appraisal, key): each appraisal is claimed by inserting its
row in a savepoint (a duplicate — a second tick, or one racing this one — is skipped), and only the appraisals
claimed now are counted in the notices, so running the tick twice sends everything once.
"""
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalReminder, AppraisalStatus, CycleStage

from . import notices
from .scorers import count_by_scorer

DAYS_BEFORE = 2
SELF_SOON, SELF_OVERDUE, HEAD_SOON, HEAD_OVERDUE = "self_soon", "self_overdue", "head_soon", "head_overdue"


def claim(cycle: AppraisalCycle, appraisals: list[Appraisal], key: str) -> list[Appraisal]:
    """The appraisals not reminded of `key` yet, each now marked (one row each, a savepoint per row)."""
    done = set(db.session.scalars(sa.select(AppraisalReminder.appraisal_id).where(
        AppraisalReminder.cycle_id == cycle.id, AppraisalReminder.key == key)))
    claimed = []
    for appraisal in appraisals:
        if appraisal.id in done:
            continue
        try:
            with db.session.begin_nested():
                db.session.add(AppraisalReminder(cycle_id=cycle.id, appraisal_id=appraisal.id, key=key))
        except IntegrityError:
            continue
        claimed.append(appraisal)
    return claimed


def _waiting(cycle: AppraisalCycle, status: AppraisalStatus) -> list[Appraisal]:
    return list(db.session.scalars(sa.select(Appraisal).where(Appraisal.cycle_id == cycle.id,
                                                              Appraisal.status == status).order_by(Appraisal.id)))


def _phase(due_on: date | None, today: date) -> str | None:
    """"soon" within the two days before the deadline (and on it), "overdue" after it."""
    if due_on is None:
        return None
    if today > due_on:
        return "overdue"
    return "soon" if today >= due_on - timedelta(days=DAYS_BEFORE) else None


def _self_stage(cycle: AppraisalCycle, today: date) -> int:
    phase = _phase(cycle.self_due_on, today)
    if phase is None:
        return 0
    overdue = phase == "overdue"
    claimed = claim(cycle, _waiting(cycle, AppraisalStatus.SELF_REVIEW), SELF_OVERDUE if overdue else SELF_SOON)
    if not claimed:
        return 0
    told = notices.remind_self(cycle, [a.staff_id for a in claimed if a.staff_id is not None], overdue)
    if overdue:
        notices.tell_hr_overdue(cycle, _l("the self-assessment"), len(claimed))
    return told


def _head_stage(cycle: AppraisalCycle, today: date) -> int:
    phase = _phase(cycle.head_due_on, today)
    if phase is None:
        return 0
    overdue = phase == "overdue"
    claimed = claim(cycle, _waiting(cycle, AppraisalStatus.HEAD_REVIEW), HEAD_OVERDUE if overdue else HEAD_SOON)
    if not claimed:
        return 0
    counts = count_by_scorer(claimed)
    for user, count in counts.items():
        notices.remind_scorer(cycle, user, count, overdue)
    if overdue:
        notices.tell_hr_overdue(cycle, _l("the head scoring"), len(claimed))
    return len(counts)


def remind_deadlines(now: datetime) -> int:
    """Send what is due at `now` for every cycle in self-assessment or head scoring; returns how many people
    (or scorers) were told. Never commits."""
    today = company_today(now)
    cycles = db.session.scalars(sa.select(AppraisalCycle).where(AppraisalCycle.stage.in_(
        (CycleStage.SELF_ASSESSMENT, CycleStage.HEAD_SCORING))).order_by(AppraisalCycle.id)).all()
    told = 0
    for cycle in cycles:
        if cycle.stage == CycleStage.SELF_ASSESSMENT:
            told += _self_stage(cycle, today)
        else:
            told += _head_stage(cycle, today)
    return told
