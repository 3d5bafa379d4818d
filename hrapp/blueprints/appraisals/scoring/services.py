"""Self-assessment and the head's scoring: saving a draft or submitting (the workflow's `submit_self` and
`submit_head`), with the stage's deadline, the scale, the comments the extreme levels need, and the totals
worked out again (totals.refresh_totals) after every save. Never commits; the actor is passed in."""
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from hrapp import audit
from hrapp.company import company_today
from hrapp.core import workflow
from hrapp.core.display_formats import date_display
from hrapp.core.errors import STALE_MESSAGE, StaleRecord, check_version
from hrapp.core.validation import FORM
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, CriterionKind, CycleStage
from hrapp.models.base import utcnow

from .. import rules
from ..messages import DEADLINE_PASSED
from ..totals import refresh_totals
from ..workflow import APPRAISAL_WORKFLOW
from .entries import COMMENT_MAX, OVERRIDABLE, field_names, read_entry
from .messages import MESSAGES, ScoringError
from .notices import tell_scorers

SELF_FIELDS = ("self_total", "self_comment")
HEAD_FIELDS = ("head_total", "total", "grade", "head_comment")


def check_deadline(due_on) -> None:
    """:raise ScoringError: the stage's deadline (`due_on`, a company day) has passed (HR may extend it)."""
    if rules.deadline_passed(due_on, company_today()):
        raise ScoringError.single(FORM, str(DEADLINE_PASSED) % {"day": date_display(due_on)})


def _bump(appraisal: Appraisal) -> None:
    """Write the appraisal row (its version moves on) even when only items changed, so two editors of one
    appraisal cannot both save: the second's UPDATE matches no row (StaleRecord)."""
    flag_modified(appraisal, "updated_at")
    try:
        db.session.flush()
    except StaleDataError as exc:
        raise StaleRecord(str(STALE_MESSAGE)) from exc


def _save(actor, appraisal: Appraisal, errors: dict, side: str, comment: str, before: dict) -> None:
    """Refuse what `errors` holds, else keep `side`'s overall comment, work the totals out again, write the row
    (version checked) and audit the draft (`appraisal.save_self` / `appraisal.save_head`)."""
    if errors:
        raise ScoringError(errors)
    setattr(appraisal, f"{side}_comment", (comment or "").strip()[:COMMENT_MAX])
    refresh_totals(appraisal)
    _bump(appraisal)
    audit.record(actor, f"appraisal.save_{side}", appraisal, *audit.changed_only(
        before, audit.snapshot(appraisal, before.keys())), label=APPRAISAL_WORKFLOW.audit_label(appraisal))


def _check_step(actor, appraisal: Appraisal, step_name: str, expected_version, submit: bool) -> None:
    """A draft may be saved by whoever may take the step now; a submit is the step's own check."""
    if submit:
        workflow.check(APPRAISAL_WORKFLOW, appraisal, step_name, actor, expected_version)
        return
    step = APPRAISAL_WORKFLOW.transition(step_name)
    if not step.allowed(actor, appraisal):
        raise workflow.TransitionForbidden(step_name)
    if appraisal.status not in step.sources:
        raise workflow.TransitionRefused("wrong_state")


def save_self(actor, appraisal: Appraisal, posted: dict[int, dict], comment: str, expected_version: int | None,
              submit: bool = False) -> Appraisal:
    """Save the person's self-assessment (levels for ratings, their own value for KPIs scored by its bands,
    comments); with `submit`, take the `submit_self` step and tell the scorers. Items not posted keep what was
    saved; an item left empty stays unscored (None, never zero).

    :raise StaleRecord: someone saved first. :raise TransitionForbidden: not theirs to self-assess now.
    :raise ScoringError: the deadline passed; a level outside the scale, a value that is not a number.
    """
    check_version(appraisal, expected_version)
    _check_step(actor, appraisal, "submit_self", expected_version, submit)
    check_deadline(appraisal.cycle.self_due_on)
    errors: dict[str, list] = {}
    before = audit.snapshot(appraisal, SELF_FIELDS)
    for item in appraisal.items:
        if not item.self_scored or item.id not in posted:
            continue
        entry = read_entry(item, posted[item.id], errors)
        item.self_comment = entry.comment
        if item.kind == CriterionKind.RATING:
            item.self_level = entry.level
            item.self_score = (rules.rating_score(entry.level, len(item.levels)) if entry.level is not None
                               else None)
        elif item.kind == CriterionKind.KPI:
            item.self_level = None
            item.self_score = (rules.band_score(entry.value, item.bands, item.higher_is_better)
                               if entry.value is not None else None)
    _save(actor, appraisal, errors, "self", comment, before)
    if submit:
        appraisal.self_submitted_at = utcnow()
        workflow.apply(APPRAISAL_WORKFLOW, appraisal, "submit_self", actor, appraisal.version_id)
        tell_scorers(appraisal, actor)
    return appraisal


def _head_item(item, entry, names, errors) -> None:
    item.head_comment = entry.comment
    if item.kind == CriterionKind.RATING:
        item.head_level = entry.level
        item.head_score = (rules.rating_score(entry.level, len(item.levels)) if entry.level is not None
                           else None)
    elif item.kind == CriterionKind.KPI:
        item.value = entry.value
        item.value_score = (rules.band_score(entry.value, item.bands, item.higher_is_better)
                            if entry.value is not None else None)
        item.head_score = item.value_score
    elif item.kind in OVERRIDABLE:
        item.head_score = entry.score
        if entry.score is not None and not entry.comment:
            errors.setdefault(names["comment"], []).append(MESSAGES["override_comment"])


def check_head_items(appraisal: Appraisal, submit: bool, errors: dict[str, list]) -> None:
    """The head's entries as they now stand: a comment on every extreme level; with `submit`, every rating
    rated."""
    for item in appraisal.items:
        if item.kind != CriterionKind.RATING:
            continue
        names = field_names(item)
        if item.head_level is None:
            if submit:
                errors.setdefault(names["level"], []).append(MESSAGES["level_required"])
        elif rules.is_extreme_level(item.head_level, len(item.levels)) and not item.head_comment.strip():
            errors.setdefault(names["comment"], []).append(MESSAGES["extreme_comment"])


def save_head(actor, appraisal: Appraisal, posted: dict[int, dict], comment: str, expected_version: int | None,
              submit: bool = False, on_behalf: bool = False) -> Appraisal:
    """Save the scorer's scores (rating levels, KPI values scored by their bands, optional overrides of a
    measured score with a reason, comments) and the overall comment; with `submit`, take `submit_head`
    (SCORED, scored_by, head_submitted_at).

    `on_behalf`: the demo seed only, for a department without a head account: HR (`actor`) scores as its
    would-be head; the step is audited as taken on the head's behalf.

    :raise StaleRecord, TransitionForbidden, ScoringError: as `save_self`; also a rating left unrated on
        submit, an extreme level without a comment, an override without a reason.
    """
    check_version(appraisal, expected_version)
    if on_behalf:
        if appraisal.status != AppraisalStatus.HEAD_REVIEW:
            raise workflow.TransitionRefused("wrong_state")
    else:
        _check_step(actor, appraisal, "submit_head", expected_version, submit)
    cycle = appraisal.cycle  # returned for scoring again in calibration: calibration's deadline holds
    check_deadline(cycle.calibration_due_on if cycle.stage == CycleStage.CALIBRATION else cycle.head_due_on)
    errors: dict[str, list] = {}
    before = audit.snapshot(appraisal, HEAD_FIELDS)
    for item in appraisal.items:
        if item.id in posted:
            names = field_names(item)
            _head_item(item, read_entry(item, posted[item.id], errors), names, errors)
    check_head_items(appraisal, submit, errors)
    _save(actor, appraisal, errors, "head", comment, before)
    if submit and on_behalf:
        appraisal.scored_by_id, appraisal.head_submitted_at = actor.id, utcnow()
        appraisal.status = AppraisalStatus.SCORED
        _bump(appraisal)
        audit.record(actor, "appraisal.submit_head", appraisal, {"status": AppraisalStatus.HEAD_REVIEW.value},
                     {"status": AppraisalStatus.SCORED.value, "note": "on behalf of the department's head"},
                     label=APPRAISAL_WORKFLOW.audit_label(appraisal))
    elif submit:
        appraisal.scored_by_id, appraisal.head_submitted_at = actor.id, utcnow()
        workflow.apply(APPRAISAL_WORKFLOW, appraisal, "submit_head", actor, appraisal.version_id,
                       details={"total": str(appraisal.total) if appraisal.total is not None else None})
    return appraisal
