"""Calibration's changes: adjusting a result (a new total, the grade following the template's bands, a required
reason; the history kept as AppraisalAdjustment rows), undoing it (back to the head's total, also with a
reason), and returning a result to its scorer. Services never commit; the actor is passed in."""
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from hrapp import audit
from hrapp.blueprints.appraisals import rules, totals
from hrapp.blueprints.appraisals.access import can_calibrate
from hrapp.blueprints.appraisals.messages import REASON_REQUIRED
from hrapp.blueprints.appraisals.scorers import appraisal_link, scorer_users
from hrapp.blueprints.appraisals.workflow import APPRAISAL_WORKFLOW, audit_label
from hrapp.core import workflow
from hrapp.core.errors import StaleRecord, check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalAdjustment, utcnow
from hrapp.notifications import notify

RETURNED_KIND = "appraisal.returned"
MAX_REASON = 1000
NOT_OPEN = _l("This result is not open for calibration (the cycle must be in calibration and the result scored).")
TOTAL_RANGE = _l("Give a total from 0 to 100 with at most 2 decimal places.")
NOTHING_TO_UNDO = _l("This result was not adjusted in calibration.")


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed.single("reason", REASON_REQUIRED)
    return reason[:MAX_REASON]


def parse_total(text) -> Decimal:
    """A total typed on the form: a finite Decimal from 0 to 100 with at most 2 places.

    :raise ValidationFailed: anything else (empty, NaN, infinity, out of range, more places).
    """
    value = rules.decimal_or_none(text)
    if value is None or not 0 <= value <= rules.HUNDRED or value != value.quantize(rules.CENT):
        raise ValidationFailed.single("total", TOTAL_RANGE)
    return rules.rounded(value)


def _check_open(actor, appraisal: Appraisal, expected_version: int | None) -> None:
    check_version(appraisal, expected_version)
    if not can_calibrate(actor, appraisal):
        raise ValidationFailed.single("total", NOT_OPEN)


def _write(actor, appraisal: Appraisal, total: Decimal, reason: str, calibrated: bool, action: str):
    before = {"total": str(appraisal.total) if appraisal.total is not None else None,
              "grade": appraisal.grade.value if appraisal.grade else None, "calibrated": appraisal.calibrated}
    grade = totals.grade_of(appraisal, total)
    adjustment = AppraisalAdjustment(appraisal_id=appraisal.id, from_total=appraisal.total, to_total=total,
                                     from_grade=appraisal.grade, to_grade=grade, reason=reason,
                                     adjusted_by_id=actor.id, adjusted_at=utcnow())
    appraisal.total, appraisal.grade, appraisal.calibrated = total, grade, calibrated
    try:
        db.session.flush()  # UPDATE ... WHERE version_id = ?: a racing clerk's save matches no row
    except StaleDataError as exc:
        raise StaleRecord() from exc
    db.session.add(adjustment)
    audit.record(actor, action, appraisal, before,
                 {"total": str(total), "grade": grade.value, "calibrated": calibrated, "reason": reason[:255]},
                 label=audit_label(appraisal))
    return adjustment


def adjust_result(actor, appraisal: Appraisal, total_text, reason: str,
                  expected_version: int | None) -> AppraisalAdjustment:
    """Set the result's total (the grade follows the template's bands) with a reason, as calibrated.

    :raise StaleRecord: the page showed an older version (another clerk saved first).
    :raise ValidationFailed: not open for calibration, a bad total, no reason.
    """
    _check_open(actor, appraisal, expected_version)
    total = parse_total(total_text)
    return _write(actor, appraisal, total, _reason(reason), True, "appraisal.adjust")


def undo_calibration(actor, appraisal: Appraisal, reason: str, expected_version: int | None) -> AppraisalAdjustment:
    """Back to the head's total and grade, with a reason (an adjustment too: the history keeps both).

    :raise StaleRecord, ValidationFailed: as `adjust_result`; also when nothing was adjusted.
    """
    _check_open(actor, appraisal, expected_version)
    if not appraisal.calibrated or appraisal.head_total is None:
        raise ValidationFailed.single("reason", NOTHING_TO_UNDO)
    return _write(actor, appraisal, appraisal.head_total, _reason(reason), False, "appraisal.undo_adjust")


def return_to_head(actor, appraisal: Appraisal, note: str, expected_version: int | None) -> None:
    """Return a scored result to its scorer with a reason (workflow step return_to_head -> HEAD_REVIEW) and tell
    them (kind RETURNED_KIND, in each one's language).

    :raise StaleRecord, TransitionRefused, TransitionForbidden: see hrapp.core.workflow.apply.
    """
    workflow.apply(APPRAISAL_WORKFLOW, appraisal, "return_to_head", actor, expected_version, note)
    # The head scores again: their new scores make the result, so an adjustment made before no longer holds
    # (it stays in the history).
    appraisal.calibrated = False
    totals.refresh_totals(appraisal)
    db.session.flush()
    label, reason = audit_label(appraisal), note.strip()[:255]
    notify(scorer_users(appraisal),
           lambda: _("HR returned the appraisal %(label)s for scoring again: %(reason)s", label=label, reason=reason),
           link=appraisal_link(appraisal), kind=RETURNED_KIND)
