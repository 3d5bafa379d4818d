"""Appraisal's pure rules, shared by the parts: weights, scores, totals, grades, the calibration guide and the
outcomes the company's rules suggest. No request, no database.

Scores are Decimals on a 0–100 scale rounded half up to 2 places; weights are Decimals with at most 2 places
that must sum to exactly 100. Grades and outcome kinds are their stored string values ("excellent", "reward").
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

HUNDRED = Decimal("100")
CENT = Decimal("0.01")

EXCELLENT, GOOD, PASS, NEEDS_IMPROVEMENT, FAIL = "excellent", "good", "pass", "needs_improvement", "fail"
GRADES = (EXCELLENT, GOOD, PASS, NEEDS_IMPROVEMENT, FAIL)  # best first
# 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 待改进 ≥ 50, 不合格 below.
DEFAULT_GRADE_BANDS: tuple[tuple[str, Decimal], ...] = (
    (EXCELLENT, Decimal("90")), (GOOD, Decimal("80")), (PASS, Decimal("60")),
    (NEEDS_IMPROVEMENT, Decimal("50")), (FAIL, Decimal("0")))
# The calibration guide's three buckets.
TOP, MIDDLE, BOTTOM = "top", "middle", "bottom"
BUCKET_OF = {EXCELLENT: TOP, GOOD: MIDDLE, PASS: MIDDLE, NEEDS_IMPROVEMENT: BOTTOM, FAIL: BOTTOM}
# A head whose mean result lies this many points above (or below) the others' is flagged lenient (or strict).
LENIENCY_POINTS = Decimal("5")
# A result this many points from its department's mean is an outlier on the calibration page.
OUTLIER_POINTS = Decimal("15")
RATING_LEVELS_MIN, RATING_LEVELS_MAX = 2, 10


@dataclass(frozen=True)
class Problem:
    """Why a rule refuses its input: a code (appraisals/messages.py words it in the page's language) and the
    values the message names."""

    code: str
    params: tuple = ()

    def __str__(self) -> str:
        return self.code


class AppraisalRuleError(ValueError):
    """Input a rule refuses: `field` names the form field, `problem` says why."""

    def __init__(self, field: str, problem: Problem):
        super().__init__(problem.code)
        self.field = field
        self.problem = problem


def rounded(value: Decimal) -> Decimal:
    """`value` rounded half up to 2 places."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def decimal_or_none(text) -> Decimal | None:
    """A finite Decimal from text or a number, or None (empty, not a number, NaN, infinity)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def weights_problem(weights: Sequence[Decimal]) -> Problem | None:
    """Why these criterion weights cannot stand (None when they can): each above 0 and at most 100 with at most
    2 decimal places, and together exactly 100 — 33.33 × 3 = 99.99 is refused, not rounded."""
    if not weights:
        return Problem("no_criteria")
    for weight in weights:
        if weight is None or not Decimal(weight).is_finite() or weight <= 0 or weight > HUNDRED:
            return Problem("weight_range")
        if Decimal(weight) != Decimal(weight).quantize(CENT):
            return Problem("weight_places")
    total = sum((Decimal(w) for w in weights), Decimal("0"))
    if total != HUNDRED:
        return Problem("weights_sum", (("total", f"{total.normalize():f}"),))
    return None


def rating_score(level: int, level_count: int) -> Decimal:
    """The score of level `level` (1 = lowest) on a scale of `level_count` levels: level / count × 100.

    :raise AppraisalRuleError: the level lies outside 1..level_count.
    """
    if level is None or not 1 <= int(level) <= level_count:
        raise AppraisalRuleError("level", Problem("level_range", (("count", level_count),)))
    return rounded(Decimal(int(level)) * HUNDRED / Decimal(level_count))


def is_extreme_level(level: int, level_count: int) -> bool:
    """The lowest and the highest level need a comment from the head."""
    return level in (1, level_count)


def band_score(value: Decimal, bands: Sequence[Sequence], higher_is_better: bool = True) -> Decimal:
    """The score `bands` ([[threshold, score], ...]) give `value`.

    Higher is better: bands from the highest threshold down; the first whose threshold `value` reaches gives its
    score. Lower is better (lateness, absences): bands from the lowest threshold up; the first whose threshold
    `value` does not exceed. No band matched: 0.
    """
    value = Decimal(value)
    pairs = sorted(((Decimal(str(t)), Decimal(str(s))) for t, s in bands), reverse=higher_is_better)
    for threshold, score in pairs:
        if (value >= threshold) if higher_is_better else (value <= threshold):
            return rounded(score)
    return Decimal("0.00")


def bands_problem(bands: Sequence[Sequence]) -> Problem | None:
    """Why scoring bands cannot stand: at least one, thresholds distinct numbers, scores within 0..100."""
    if not bands:
        return Problem("no_bands")
    thresholds = []
    for band in bands:
        if len(band) != 2:
            return Problem("band_shape")
        threshold, score = decimal_or_none(band[0]), decimal_or_none(band[1])
        if threshold is None or score is None:
            return Problem("band_shape")
        if not 0 <= score <= HUNDRED:
            return Problem("band_score_range")
        thresholds.append(threshold)
    if len(set(thresholds)) != len(thresholds):
        return Problem("band_threshold_twice")
    return None


def weighted_total(scored: Iterable[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """The weighted total of (weight, score) pairs over the criteria actually scored: a score of None is left
    out and the others' weights re-normalised, so an unscored criterion never counts as zero. None when nothing
    is scored."""
    weight_sum, points = Decimal("0"), Decimal("0")
    for weight, score in scored:
        if score is None:
            continue
        weight_sum += Decimal(weight)
        points += Decimal(weight) * Decimal(score)
    if weight_sum == 0:
        return None
    return rounded(points / weight_sum)


def result_score(kind: str, head_score: Decimal | None, value_score: Decimal | None) -> Decimal | None:
    """An item's score in the result: the head's for ratings and KPIs; the bands' score of the measured value for
    system metrics and imported KPIs (the head may override it with a score of their own)."""
    if head_score is not None:
        return head_score
    return value_score if kind in ("metric", "imported") else None


def grade_for(total: Decimal, bands: Sequence[Sequence] = DEFAULT_GRADE_BANDS) -> str:
    """The grade of `total`: the best band whose lowest total it reaches (bands [[grade, lowest], ...])."""
    ordered = sorted(((Decimal(str(low)), grade) for grade, low in (bands or DEFAULT_GRADE_BANDS)), reverse=True)
    for low, grade in ordered:
        if Decimal(total) >= low:
            return grade
    return ordered[-1][1]


def grade_bands_problem(bands: Sequence[Sequence]) -> Problem | None:
    """Why grade bands cannot stand: every grade once, lowest totals within 0..100 and falling with the grade,
    the worst starting at 0."""
    names = [band[0] for band in bands]
    if sorted(names) != sorted(GRADES):
        return Problem("grade_bands_incomplete")
    lows = [decimal_or_none(dict(bands)[grade]) for grade in GRADES]
    if any(low is None or not 0 <= low <= HUNDRED for low in lows):
        return Problem("grade_band_range")
    if any(better <= worse for better, worse in zip(lows, lows[1:], strict=False)):
        return Problem("grade_bands_order")
    if lows[-1] != 0:
        return Problem("grade_bands_zero")
    return None


@dataclass(frozen=True)
class Distribution:
    """How many results fall in each guide bucket, against the guide (% per bucket)."""

    counts: dict
    total: int
    guide: dict

    def share(self, bucket: str) -> Decimal:
        """The bucket's share of the results, in % (0 when there are none)."""
        return rounded(Decimal(self.counts.get(bucket, 0)) * HUNDRED / self.total) if self.total else Decimal("0.00")

    def over_guide(self, bucket: str) -> bool:
        """More results in the bucket than the guide allows (by count, rounding the guide's share up for the top
        and bottom buckets' sake: 20 % of 7 people allows 2)."""
        allowed = (Decimal(self.guide[bucket]) * self.total / HUNDRED).to_integral_value(rounding="ROUND_CEILING")
        return self.counts.get(bucket, 0) > allowed


def distribution(grades: Iterable[str], guide_top: int, guide_middle: int, guide_bottom: int) -> Distribution:
    """The distribution of `grades` over the guide's top / middle / bottom buckets."""
    counts = {TOP: 0, MIDDLE: 0, BOTTOM: 0}
    total = 0
    for grade in grades:
        counts[BUCKET_OF[grade]] += 1
        total += 1
    return Distribution(counts, total, {TOP: guide_top, MIDDLE: guide_middle, BOTTOM: guide_bottom})


def guide_problem(top: int, middle: int, bottom: int) -> Problem | None:
    """The guide's shares are whole percentages from 0 to 100 that sum to 100."""
    if any(share is None or not 0 <= share <= 100 for share in (top, middle, bottom)):
        return Problem("guide_range")
    if top + middle + bottom != 100:
        return Problem("guide_sum")
    return None


def leniency(scorer_mean: Decimal, others_mean: Decimal | None) -> int:
    """+1 lenient, -1 strict, 0 in line: a scorer's mean result against the mean of the other scorers' results."""
    if others_mean is None:
        return 0
    difference = Decimal(scorer_mean) - Decimal(others_mean)
    return 1 if difference >= LENIENCY_POINTS else -1 if difference <= -LENIENCY_POINTS else 0


def is_outlier(total: Decimal, department_mean: Decimal) -> bool:
    return abs(Decimal(total) - Decimal(department_mean)) >= OUTLIER_POINTS


def suggested_outcomes(grade: str) -> tuple[str, ...]:
    """What the company's rules suggest after a result: a reward proposal for 优秀; a training need and an
    improvement plan for 待改进 and 不合格; nothing in between."""
    if grade == EXCELLENT:
        return ("reward",)
    if grade in (NEEDS_IMPROVEMENT, FAIL):
        return ("training", "improvement")
    return ()


def respond_by(published_on: date, respond_days: int) -> date:
    """The last day to acknowledge or appeal a result published on `published_on`."""
    return published_on + timedelta(days=respond_days)


def deadline_passed(due_on: date | None, today: date) -> bool:
    """A stage's deadline has passed (a stage without one never closes by date)."""
    return due_on is not None and today > due_on
