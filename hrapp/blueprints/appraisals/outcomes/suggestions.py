"""Outcomes suggested by the company's rules (appraisals/rules.suggested_outcomes) when results are published, and
revised when a published result changes. Never commits; the actor is passed in.

Importing the module connects the listeners (weak=False) to `appraisals_published` and `result_changed`.
Idempotent: an outcome is unique per appraisal and kind (a database constraint), so publishing twice, or two
requests at once, suggest each outcome once. A confirmed outcome is never touched again.
"""
import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from hrapp import audit
from hrapp.blueprints.appraisals import rules
from hrapp.blueprints.appraisals.signals import appraisals_published, result_changed
from hrapp.blueprints.appraisals.workflow import audit_label
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Appraisal, AppraisalOutcome, Grade, OutcomeKind, OutcomeStatus, utcnow

FIELDS = ("appraisal_id", "kind", "status", "reason")


def _stored_text(make) -> str:
    """A text stored on the record, in the company's language (Chinese by default)."""
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")):
        return str(make())


def reason_for(grade: Grade) -> str:
    """"考核结果为优秀"."""
    return _stored_text(lambda: _("The appraisal result is %(grade)s", grade=label(Grade(grade))))


def _existing(appraisal: Appraisal) -> dict[OutcomeKind, AppraisalOutcome]:
    rows = db.session.scalars(sa.select(AppraisalOutcome).where(AppraisalOutcome.appraisal_id == appraisal.id))
    return {row.kind: row for row in rows}


def _add(appraisal: Appraisal, kind: OutcomeKind, reason: str, actor) -> AppraisalOutcome | None:
    outcome = AppraisalOutcome(appraisal_id=appraisal.id, kind=kind, reason=reason)
    try:  # another request suggesting the same outcome at this moment: theirs stands
        with db.session.begin_nested():
            db.session.add(outcome)
    except IntegrityError:
        return None
    audit.record(actor, "appraisal.outcome_suggest", outcome, None, audit.snapshot(outcome, FIELDS),
                 label=audit_label(appraisal))
    return outcome


def suggest_outcomes(appraisal: Appraisal, actor) -> list[AppraisalOutcome]:
    """Suggest what the rules say for `appraisal`'s grade: new outcomes for kinds not suggested yet; a suggestion
    the rules no longer make is dismissed (the system's note); one dismissed by the system and suggested again
    is reopened. Confirmed outcomes, and those HR dismissed, stay as they are. Returns the outcomes added or
    reopened. A team appraisal or one without a grade gets none."""
    if appraisal.staff_id is None or appraisal.grade is None:
        return []
    wanted = {OutcomeKind(kind) for kind in rules.suggested_outcomes(appraisal.grade.value)}
    existing = _existing(appraisal)
    reason = reason_for(appraisal.grade)
    changed = []
    for kind, outcome in existing.items():
        if kind not in wanted and outcome.status == OutcomeStatus.SUGGESTED:
            _set_status(outcome, OutcomeStatus.DISMISSED, actor, appraisal,
                        _stored_text(lambda: _("No longer suggested: the result changed.")), decided=False)
        elif (kind in wanted and outcome.status == OutcomeStatus.DISMISSED and outcome.decided_by_id is None):
            outcome.reason = reason
            _set_status(outcome, OutcomeStatus.SUGGESTED, actor, appraisal, "", decided=False)
            changed.append(outcome)
    for kind in sorted(wanted - existing.keys()):
        outcome = _add(appraisal, kind, reason, actor)
        if outcome is not None:
            changed.append(outcome)
    return changed


def _set_status(outcome: AppraisalOutcome, status: OutcomeStatus, actor, appraisal: Appraisal, note: str,
                decided: bool) -> None:
    before = {"status": outcome.status.value}
    outcome.status, outcome.decision_note = status, note
    outcome.decided_by_id = getattr(actor, "id", None) if decided else None
    outcome.decided_at = utcnow() if status != OutcomeStatus.SUGGESTED else None
    db.session.flush()
    action = "appraisal.outcome_dismiss" if status == OutcomeStatus.DISMISSED else "appraisal.outcome_suggest"
    audit.record(actor, action, outcome, before, {"status": status.value, "decision_note": note[:255]},
                 label=audit_label(appraisal))


def on_published(_sender, appraisal_ids=(), actor=None, **_extra) -> None:
    """`appraisals_published`: suggest outcomes for the appraisals just published."""
    appraisals = db.session.scalars(sa.select(Appraisal).where(Appraisal.id.in_(list(appraisal_ids)))
                                    .order_by(Appraisal.id))
    for appraisal in appraisals:
        suggest_outcomes(appraisal, actor)


def on_result_changed(_sender, appraisal_id=None, actor=None, **_extra) -> None:
    """`result_changed`: revise the suggestions for the new grade."""
    appraisal = db.session.get(Appraisal, appraisal_id) if appraisal_id is not None else None
    if appraisal is not None:
        suggest_outcomes(appraisal, actor)


appraisals_published.connect(on_published, weak=False)
result_changed.connect(on_result_changed, weak=False)
