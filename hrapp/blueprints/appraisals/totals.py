"""An appraisal's totals and grade from its items (rules.weighted_total, rules.grade_for): the one place they are
worked out, called by every part that changes a score or a measured value. Never commits."""
from decimal import Decimal

from hrapp.models import Appraisal, AppraisalItem, Grade

from . import rules


def item_result(item: AppraisalItem) -> Decimal | None:
    """The item's score in the result (rules.result_score)."""
    return rules.result_score(item.kind.value, item.head_score, item.value_score)


def self_total(appraisal: Appraisal) -> Decimal | None:
    """Weighted over the self-scored items the person scored (None when they scored none)."""
    return rules.weighted_total((item.weight, item.self_score) for item in appraisal.items if item.self_scored)


def head_total(appraisal: Appraisal) -> Decimal | None:
    """Weighted over every item with a result score (None when none has one)."""
    return rules.weighted_total((item.weight, item_result(item)) for item in appraisal.items)


def grade_of(appraisal: Appraisal, total: Decimal) -> Grade:
    """The grade of `total` by the bands the appraisal kept when it was made (Appraisal.grade_bands)."""
    return Grade(rules.grade_for(total, appraisal.grade_bands or rules.DEFAULT_GRADE_BANDS))


def refresh_totals(appraisal: Appraisal) -> None:
    """Set `self_total`, `head_total` and, unless calibration adjusted it, `total` and `grade` (a calibrated
    result keeps HR's total until HR changes it again)."""
    appraisal.self_total = self_total(appraisal)
    appraisal.head_total = head_total(appraisal)
    if appraisal.calibrated:
        return
    appraisal.total = appraisal.head_total
    appraisal.grade = grade_of(appraisal, appraisal.total) if appraisal.total is not None else None
