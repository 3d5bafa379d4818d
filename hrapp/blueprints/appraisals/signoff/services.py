"""Sign-off's services: the person acknowledges or appeals a published result until `respond_by`; HR decides an
appeal (upheld, or adjusted with an AppraisalAdjustment); `tick` acknowledges on the person's behalf once the
time to respond is over. Services never commit; the actor is passed in."""
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa

from hrapp.company import company_today
from hrapp.core import workflow
from hrapp.core.errors import StaleRecord
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalAdjustment, AppraisalStatus, utcnow

from .. import signals
from ..totals import grade_of
from ..workflow import APPRAISAL_WORKFLOW
from . import notices, rules
from .messages import GROUNDS_REQUIRED, RESPONSE_CLOSED, problem_text

MAX_GROUNDS = 4000


def _refuse_when_closed(appraisal: Appraisal, now: datetime, field: str) -> None:
    if not rules.may_still_respond(appraisal.respond_by, company_today(now)):
        raise ValidationFailed({field: [str(RESPONSE_CLOSED) % {"day": appraisal.respond_by.isoformat()}]})


def acknowledge(actor, appraisal: Appraisal, expected_version: int, now: datetime | None = None) -> None:
    """The person accepts their published result (until `respond_by`, inclusive).

    :raise ValidationFailed: the time to respond is over. :raise TransitionForbidden: not the person, or not
    published. :raise StaleRecord: the page showed an older version.
    """
    now = now or utcnow()
    workflow.check(APPRAISAL_WORKFLOW, appraisal, "acknowledge", actor, expected_version)
    _refuse_when_closed(appraisal, now, "state")
    workflow.apply(APPRAISAL_WORKFLOW, appraisal, "acknowledge", actor, expected_version)
    appraisal.acknowledged_at = now


def appeal(actor, appraisal: Appraisal, grounds: str, expected_version: int, now: datetime | None = None) -> None:
    """The person appeals with their grounds (required; until `respond_by`); HR is asked to decide.

    :raise ValidationFailed: no grounds, or the time to respond is over. Raises as `acknowledge` otherwise.
    """
    now = now or utcnow()
    grounds = (grounds or "").strip()[:MAX_GROUNDS]
    workflow.check(APPRAISAL_WORKFLOW, appraisal, "appeal", actor, expected_version, grounds or "-")
    _refuse_when_closed(appraisal, now, "note")
    if not grounds:
        raise ValidationFailed({"note": [str(GROUNDS_REQUIRED)]})
    workflow.apply(APPRAISAL_WORKFLOW, appraisal, "appeal", actor, expected_version, grounds)
    appraisal.appeal_text, appraisal.appealed_at = grounds, now
    notices.tell_hr_of_appeal(appraisal)


def decide(actor, appraisal: Appraisal, decision: str, new_total: Decimal | None, reason: str,
           expected_version: int, now: datetime | None = None) -> AppraisalAdjustment | None:
    """HR decides an appeal: `upheld` keeps the result; `adjusted` sets `new_total` (0–100) and the grade the
    template's bands give it, recorded as an AppraisalAdjustment (by_appeal) with the reason. The person is
    told; an adjustment sends `signals.result_changed`. Returns the adjustment (None when upheld).

    :raise ValidationFailed: no reason, or a total that cannot stand. :raise TransitionForbidden: not HR, or
    not appealed. :raise StaleRecord: someone decided (or changed it) first.
    """
    now = now or utcnow()
    reason = (reason or "").strip()
    workflow.check(APPRAISAL_WORKFLOW, appraisal, "decide", actor, expected_version, reason or "-")
    problem = rules.decision_problem(decision, new_total, appraisal.total)
    if problem is not None:
        raise ValidationFailed({"decision" if problem == rules.UNKNOWN_DECISION else "total":
                                [problem_text(problem)]})
    if not reason:
        raise ValidationFailed({"reason": [str(workflow.REFUSALS["note_required"])]})
    before = appraisal.total
    details = {"decision": decision, "total_before": str(before) if before is not None else None}
    if decision == rules.ADJUSTED:
        details.update(total=str(new_total), grade=grade_of(appraisal, new_total).value)
    workflow.apply(APPRAISAL_WORKFLOW, appraisal, "decide", actor, expected_version, reason, details=details)
    adjustment = None
    if decision == rules.ADJUSTED:
        adjustment = AppraisalAdjustment(
            appraisal_id=appraisal.id, from_total=before, to_total=new_total, from_grade=appraisal.grade,
            to_grade=grade_of(appraisal, new_total), reason=reason, by_appeal=True, adjusted_by_id=actor.id,
            adjusted_at=now)
        db.session.add(adjustment)
        # A decided total stays through any later refresh of the item totals (totals.refresh_totals).
        appraisal.total, appraisal.grade, appraisal.calibrated = new_total, adjustment.to_grade, True
    appraisal.decision, appraisal.decision_reason = decision, reason
    appraisal.decided_by_id, appraisal.decided_at = actor.id, now
    db.session.flush()
    notices.tell_person_of_decision(appraisal)
    if adjustment is not None:
        signals.result_changed.send(None, appraisal_id=appraisal.id, actor=actor)
    return adjustment


def acknowledge_by_silence(now: datetime) -> int:
    """The tick task: every published appraisal whose last day to respond is over (company-local) counts as
    acknowledged by silence, audited with no actor; the person is told. Returns how many changed.

    Idempotent: one already acknowledged is no longer PUBLISHED; one another run moved first matches no row (its
    version changed) and is skipped. Never commits.
    """
    today = company_today(now)
    due = db.session.scalars(sa.select(Appraisal).where(
        Appraisal.status == AppraisalStatus.PUBLISHED, Appraisal.respond_by.is_not(None),
        Appraisal.respond_by < today).order_by(Appraisal.id)).all()
    changed = 0
    for appraisal in due:
        if not rules.silence_due(appraisal.respond_by, today):
            continue
        try:
            with db.session.begin_nested():
                workflow.apply(APPRAISAL_WORKFLOW, appraisal, "acknowledge_by_silence", None,
                               appraisal.version_id)
                appraisal.acknowledged_at, appraisal.acknowledged_by_silence = now, True
                notices.tell_person_of_silence(appraisal)
        except StaleRecord:
            db.session.refresh(appraisal)
            continue
        changed += 1
    return changed
