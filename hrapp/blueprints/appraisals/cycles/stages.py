"""Moving a cycle through its stages after opening (opening.py opens it). Each checks the step on the cycle's
workflow (HR, the right stage, the version), does the work that goes with it and is audited. Never commits.

- to head scoring: every appraisal still waiting for its self-assessment takes `skip_self` in ONE UPDATE (status,
  version); the cycle's own audit entry records how many (one cycle-level entry, not one per appraisal).
- to calibration: allowed while some wait for scoring (they stay HEAD_REVIEW; calibration cannot publish them).
- publish: refused while some wait for scoring unless `anyway`; every SCORED appraisal takes the workflow step
  `publish` (audited each), gets published_at and respond_by; each person is told; then the signal.
- close: refused while appeals are undecided or people are inside their window to respond; the published ones
  past their respond_by are acknowledged by silence (workflow step `acknowledge_by_silence`).
"""
import sqlalchemy as sa

from hrapp.blueprints.appraisals.signoff.notices import tell_person_of_silence
from hrapp.company import company_today
from hrapp.core import workflow
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalItem, AppraisalStatus, utcnow

from .. import rules, signals
from ..workflow import APPRAISAL_WORKFLOW
from . import notices
from .messages import CycleError
from .workflow import CYCLE_WORKFLOW


def status_count(cycle: AppraisalCycle, *statuses: AppraisalStatus) -> int:
    """How many of the cycle's appraisals are in any of `statuses`."""
    return db.session.scalar(sa.select(sa.func.count(Appraisal.id)).where(
        Appraisal.cycle_id == cycle.id, Appraisal.status.in_(statuses))) or 0


def to_head_scoring(actor, cycle: AppraisalCycle, expected_version: int | None) -> int:
    """SELF_ASSESSMENT -> HEAD_SCORING; returns how many self-assessments were skipped."""
    workflow.check(CYCLE_WORKFLOW, cycle, "to_head_scoring", actor, _version(cycle, expected_version))
    # A self-assessment never submitted does not count: its draft scores go, so no total or signed form shows them.
    unsubmitted = sa.select(Appraisal.id).where(Appraisal.cycle_id == cycle.id,
                                                Appraisal.status == AppraisalStatus.SELF_REVIEW)
    db.session.execute(sa.update(AppraisalItem).where(AppraisalItem.appraisal_id.in_(unsubmitted))
                       .values(self_level=None, self_score=None, self_comment="")
                       .execution_options(synchronize_session=False))
    skipped = db.session.execute(
        sa.update(Appraisal).where(Appraisal.cycle_id == cycle.id,
                                   Appraisal.status == AppraisalStatus.SELF_REVIEW)
        .values(status=AppraisalStatus.HEAD_REVIEW, self_total=None, self_comment="",
                version_id=Appraisal.version_id + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)).rowcount
    workflow.apply(CYCLE_WORKFLOW, cycle, "to_head_scoring", actor, _version(cycle, expected_version),
                   details={"self_skipped": skipped})
    db.session.expire_all()
    return skipped


def to_calibration(actor, cycle: AppraisalCycle, expected_version: int | None) -> int:
    """HEAD_SCORING -> CALIBRATION; returns how many stay unscored."""
    unscored = status_count(cycle, AppraisalStatus.HEAD_REVIEW)
    workflow.apply(CYCLE_WORKFLOW, cycle, "to_calibration", actor, _version(cycle, expected_version),
                   details={"unscored": unscored})
    return unscored


def publish(actor, cycle: AppraisalCycle, expected_version: int | None, anyway: bool = False) -> list[int]:
    """CALIBRATION -> PUBLISHED; returns the ids of the appraisals published.

    :raise CycleError: some still wait for scoring and `anyway` is not given.
    """
    workflow.check(CYCLE_WORKFLOW, cycle, "publish", actor, _version(cycle, expected_version))
    unscored = status_count(cycle, AppraisalStatus.HEAD_REVIEW, AppraisalStatus.SELF_REVIEW)
    if unscored and not anyway:
        raise CycleError.of("anyway", "unscored_left", count=unscored)
    now, today = utcnow(), company_today()
    respond_by = rules.respond_by(today, cycle.respond_days)
    scored = db.session.scalars(sa.select(Appraisal).where(Appraisal.cycle_id == cycle.id,
                                                           Appraisal.status == AppraisalStatus.SCORED)
                                .order_by(Appraisal.id)).all()
    for appraisal in scored:
        appraisal.published_at, appraisal.respond_by = now, respond_by
        workflow.apply(APPRAISAL_WORKFLOW, appraisal, "publish", actor, appraisal.version_id,
                       details={"respond_by": respond_by.isoformat()})
    cycle.published_at = now
    workflow.apply(CYCLE_WORKFLOW, cycle, "publish", actor, _version(cycle, expected_version),
                   details={"published": len(scored), "unscored": unscored})
    notices.tell_published(cycle, list(scored))
    ids = [a.id for a in scored]
    signals.appraisals_published.send(None, appraisal_ids=ids, actor=actor)
    return ids


def close_refusal(cycle: AppraisalCycle, today=None) -> CycleError | None:
    """Why the cycle cannot close yet (appeals undecided, people still inside their window), or None."""
    appealed = status_count(cycle, AppraisalStatus.APPEALED)
    if appealed:
        return CycleError.of("stage", "appealed_left", count=appealed)
    today = today or company_today()
    waiting = db.session.execute(sa.select(sa.func.count(Appraisal.id), sa.func.max(Appraisal.respond_by)).where(
        Appraisal.cycle_id == cycle.id, Appraisal.status == AppraisalStatus.PUBLISHED,
        sa.or_(Appraisal.respond_by.is_(None), Appraisal.respond_by >= today))).one()
    if waiting[0]:
        day = waiting[1].isoformat() if waiting[1] else "—"
        return CycleError.of("stage", "respond_window", count=waiting[0], day=day)
    return None


def close(actor, cycle: AppraisalCycle, expected_version: int | None) -> int:
    """PUBLISHED -> CLOSED; returns how many results were acknowledged by silence.

    :raise CycleError: see close_refusal.
    """
    workflow.check(CYCLE_WORKFLOW, cycle, "close", actor, _version(cycle, expected_version))
    refusal = close_refusal(cycle)
    if refusal is not None:
        raise refusal
    now = utcnow()
    silent = db.session.scalars(sa.select(Appraisal).where(Appraisal.cycle_id == cycle.id,
                                                           Appraisal.status == AppraisalStatus.PUBLISHED)
                                .order_by(Appraisal.id)).all()
    for appraisal in silent:  # every one is past its window (close_refusal): told as the signoff tick tells
        appraisal.acknowledged_at, appraisal.acknowledged_by_silence = now, True
        workflow.apply(APPRAISAL_WORKFLOW, appraisal, "acknowledge_by_silence", actor, appraisal.version_id)
        tell_person_of_silence(appraisal)
    cycle.closed_at = now
    workflow.apply(CYCLE_WORKFLOW, cycle, "close", actor, _version(cycle, expected_version),
                   details={"acknowledged_by_silence": len(silent)})
    return len(silent)


def _version(cycle: AppraisalCycle, expected_version: int | None) -> int:
    """The version the page showed; the CLI and the demo (no page) act on the cycle as it stands."""
    return cycle.version_id if expected_version is None else expected_version


def advance(actor, cycle: AppraisalCycle, anyway: bool = False):
    """The next stage from wherever the cycle stands (the CLI's `advance` and the demo)."""
    from .opening import open_cycle

    moves = {"setup": lambda: open_cycle(actor, cycle, None),
             "self_assessment": lambda: to_head_scoring(actor, cycle, None),
             "head_scoring": lambda: to_calibration(actor, cycle, None),
             "calibration": lambda: publish(actor, cycle, None, anyway),
             "published": lambda: close(actor, cycle, None)}
    move = moves.get(cycle.stage.value)
    if move is None:
        raise CycleError.of("stage", "stage_passed")
    return move()

