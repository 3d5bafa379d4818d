"""Pure rules of the template editor: reading a rating's levels and a criterion's scoring bands from the lines
typed into the form, writing them back as lines, the default bands offered per system metric, the grade bands
of a template and what makes a criterion or a template unusable. No flask, no database.

Problems are `appraisals.rules.Problem` codes; the part's messages.py words them.
"""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from hrapp.blueprints.appraisals.rules import (
    DEFAULT_GRADE_BANDS,
    GRADES,
    RATING_LEVELS_MAX,
    RATING_LEVELS_MIN,
    Problem,
    bands_problem,
    decimal_or_none,
    grade_bands_problem,
    weights_problem,
)

RATING, KPI, METRIC, IMPORTED = "rating", "kpi", "metric", "imported"
KINDS = (RATING, KPI, METRIC, IMPORTED)
SELF_SCORABLE = frozenset({RATING, KPI})
LEVEL_MAX_LENGTH = 120


@dataclass(frozen=True)
class MetricDefault:
    """What a new METRIC criterion on `metric` is offered: its bands (threshold, score), direction and unit."""

    bands: tuple[tuple[str, str], ...]
    higher_is_better: bool
    unit: str


# The bands offered when HR picks a metric (HR may change them): the company's usual scales.
METRIC_DEFAULTS: dict[str, MetricDefault] = {
    "attendance_rate": MetricDefault((("98", "100"), ("95", "80"), ("90", "60"), ("0", "0")), True, "%"),
    "late_count": MetricDefault((("0", "100"), ("2", "80"), ("5", "60")), False, ""),
    "late_minutes": MetricDefault((("0", "100"), ("30", "80"), ("90", "60")), False, "min"),
    "absences": MetricDefault((("0", "100"), ("1", "60")), False, ""),
    "conduct_points": MetricDefault((("0", "100"), ("3", "80"), ("6", "60"), ("10", "40")), False, ""),
    "fines": MetricDefault((("0", "100"), ("100", "80"), ("300", "60")), False, "¥"),
    "rewards": MetricDefault((("2", "100"), ("1", "90"), ("0", "70")), True, ""),
    "training_hours": MetricDefault((("16", "100"), ("8", "80"), ("4", "60"), ("0", "0")), True, "h"),
    "training_score": MetricDefault((("90", "100"), ("80", "85"), ("60", "70"), ("0", "0")), True, "%"),
    "certificates_overdue": MetricDefault((("0", "100"), ("1", "50")), False, ""),
}


def parse_levels(text: str) -> tuple[list[str], Problem | None]:
    """A rating's level descriptors from text, one per line, lowest first (blank lines dropped), and why they
    cannot stand: 2 to 10 levels, each at most 120 characters, no descriptor twice."""
    levels = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not RATING_LEVELS_MIN <= len(levels) <= RATING_LEVELS_MAX:
        return levels, Problem("levels_count", (("min", RATING_LEVELS_MIN), ("max", RATING_LEVELS_MAX)))
    if any(len(level) > LEVEL_MAX_LENGTH for level in levels):
        return levels, Problem("level_too_long", (("max", LEVEL_MAX_LENGTH),))
    if len(set(levels)) != len(levels):
        return levels, Problem("level_twice")
    return levels, None


def levels_text(levels: Sequence[str]) -> str:
    """The levels as the form shows them: one per line."""
    return "\n".join(str(level) for level in levels or ())


def plain(value: Decimal) -> str:
    """A Decimal written plainly without trailing zeros (95.50 -> "95.5", 1E+2 -> "100")."""
    return f"{Decimal(value).normalize():f}"


def parse_bands(text: str) -> tuple[list[list[str]], Problem | None]:
    """Scoring bands from text, one "threshold score" per line (a space, tab, comma or colon between them; blank
    lines dropped), as [[threshold, score], ...] strings, and why they cannot stand (appraisals.rules.bands_problem).
    """
    bands: list[list[str]] = []
    for line in (text or "").splitlines():
        parts = line.replace(",", " ").replace("，", " ").replace(":", " ").replace("：", " ").split()
        if not parts:
            continue
        numbers = [decimal_or_none(part) for part in parts]
        if len(parts) != 2 or None in numbers:
            return bands, Problem("band_line", (("line", line.strip()),))
        bands.append([plain(numbers[0]), plain(numbers[1])])
    return bands, bands_problem(bands)


def bands_text(bands: Sequence[Sequence]) -> str:
    """The bands as the form shows them: "threshold score" per line."""
    return "\n".join(f"{threshold} {score}" for threshold, score in bands or ())


def metric_default(metric: str) -> MetricDefault | None:
    """The bands, direction and unit offered for `metric` (a Metric value); None for an unknown one."""
    return METRIC_DEFAULTS.get(metric)


# A target must fit the item's value column (Numeric(14, 4)).
TARGET_LIMIT = Decimal("1e10")


@dataclass(frozen=True)
class CriterionInput:
    """A criterion as typed: kind, weight, the kind's own fields (levels and bands still as text)."""

    kind: str
    weight: Decimal | None
    levels: str = ""
    bands: str = ""
    metric: str = ""
    kpi_code: str = ""
    target: Decimal | None = None
    self_scored: bool = False
    higher_is_better: bool = True
    unit: str = ""


@dataclass(frozen=True)
class CriterionCheck:
    """The parsed levels and bands of a criterion, its direction and unit, and its problems (field -> Problem)."""

    levels: list
    bands: list
    higher_is_better: bool
    unit: str
    problems: dict


def check_criterion(given: CriterionInput, metrics: Sequence[str]) -> CriterionCheck:
    """A criterion's levels and bands, parsed for its kind (the other kind's are dropped), and its problems:
    the weight (above 0, at most 100, 2 places); a rating's levels; a KPI's, metric's or imported KPI's bands;
    a metric from `metrics`; an imported KPI's code; self-scoring for ratings and KPIs only. A metric given
    without bands takes the metric's usual bands, direction and (when none is given) unit."""
    problems: dict[str, Problem] = {}
    higher, unit, bands_given = given.higher_is_better, given.unit.strip(), given.bands
    default = metric_default(given.metric) if given.kind == METRIC else None
    if default is not None and not bands_given.strip():
        higher, unit = default.higher_is_better, unit or default.unit
        bands_given = bands_text(default.bands)
    if given.kind not in KINDS:
        problems["kind"] = Problem("kind")
    weight_problem = weights_problem([given.weight]) if given.weight is not None else Problem("weight_range")
    if weight_problem is not None and weight_problem.code != "weights_sum":
        problems["weight"] = weight_problem
    levels, bands = [], []
    if given.kind == RATING:
        levels, problem = parse_levels(given.levels)
        if problem:
            problems["levels"] = problem
    elif given.kind in (KPI, METRIC, IMPORTED):
        bands, problem = parse_bands(bands_given)
        if problem:
            problems["bands"] = problem
    if given.kind == METRIC and given.metric not in metrics:
        problems["metric"] = Problem("metric")
    if given.kind == IMPORTED and not given.kpi_code.strip():
        problems["kpi_code"] = Problem("kpi_code")
    if given.target is not None and (not given.target.is_finite() or abs(given.target) >= TARGET_LIMIT):
        problems["target"] = Problem("target_range")
    if given.self_scored and given.kind not in SELF_SCORABLE:
        problems["self_scored"] = Problem("self_scored")
    return CriterionCheck(levels, bands, higher, unit, problems)


def kpi_code_normal(code: str) -> str:
    """An imported KPI's code as stored: trimmed, lower case ("CSAT " -> "csat")."""
    return (code or "").strip().lower()


def grade_bands_from(lows: Mapping[str, Decimal | None]) -> tuple[list[list[str]], Problem | None]:
    """A template's grade bands from the lowest total typed for each grade (grade -> Decimal), best grade first,
    as [[grade, lowest], ...] strings, and why they cannot stand (appraisals.rules.grade_bands_problem)."""
    bands = [[grade, plain(lows[grade]) if lows.get(grade) is not None else ""] for grade in GRADES]
    if any(low == "" for _grade, low in bands):
        return bands, Problem("grade_bands_incomplete")
    return bands, grade_bands_problem(bands)


def grade_lows(bands: Sequence[Sequence]) -> dict[str, Decimal]:
    """grade -> lowest total of a template's bands (the defaults when it keeps none)."""
    return {grade: Decimal(str(low)) for grade, low in (bands or DEFAULT_GRADE_BANDS)}


def weights_sum(weights: Sequence[Decimal]) -> Decimal:
    """The sum of the weights (0 without any)."""
    return sum((Decimal(w) for w in weights), Decimal("0"))


def scope_problem(department_id: int | None, position_id: int | None, team: bool) -> Problem | None:
    """A template applies to a position, a department or the company: never to both a department and a
    position; a team template (a department's team appraisal) never to a position."""
    if department_id is not None and position_id is not None:
        return Problem("scope_both")
    if team and position_id is not None:
        return Problem("team_position")
    return None


def template_problem(active: bool, weights: Sequence[Decimal]) -> Problem | None:
    """Why a template cannot be used by a cycle (None when it can): it is out of use, or its criteria's weights
    are not exactly 100 together (appraisals.rules.weights_problem)."""
    if not active:
        return Problem("inactive")
    return weights_problem(list(weights))


def moved(ids: Sequence[int], moving: int, step: int) -> list[int]:
    """`ids` (in order) with `moving` swapped with its neighbour `step` (-1 up, +1 down); unchanged at an end or
    when `moving` is not among them."""
    order = list(ids)
    if moving not in order:
        return order
    at = order.index(moving)
    other = at + step
    if 0 <= other < len(order):
        order[at], order[other] = order[other], order[at]
    return order


def weights_sum_text(weights: Sequence[Decimal]) -> str:
    """The weights' addition written out, as the page shows it: "33.33 × 3 = 99.99" when they are all the same,
    else "25 + 15 + 60 = 100" ("0" without any)."""
    values = [Decimal(w) for w in weights]
    if not values:
        return "0"
    total = plain(weights_sum(values))
    if len(values) > 1 and len(set(values)) == 1:
        return f"{plain(values[0])} × {len(values)} = {total}"
    return " + ".join(plain(v) for v in values) + f" = {total}"
