"""The metrics part's pure rules: the attendance rate, the average training score, the day certificates are
counted overdue by, and the checks on an imported KPI value. No request, no database.

Values are Decimals; rates and averages are rounded half up to 2 places (appraisals/rules.rounded).
"""
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hrapp.blueprints.appraisals.rules import HUNDRED, decimal_or_none, rounded

# Imported KPIs with a fixed range: customer satisfaction averages on the five-level scale, order completion in %.
KPI_RANGES: dict[str, tuple[Decimal, Decimal]] = {
    "csat": (Decimal("1"), Decimal("5")),
    "order_completion": (Decimal("0"), HUNDRED),
}
# The greatest value an imported KPI may take (the column is Numeric(14, 4)).
KPI_MAX = Decimal("9999999999")


def attendance_rate(attended: int, absent: int, missing_punch: int) -> Decimal | None:
    """% of the rostered working days attended: attended / (attended + absent + missing punch) × 100, rounded
    to 2 places; None when there was no rostered working day (leave is excused and counts in neither)."""
    days = attended + absent + missing_punch
    if days <= 0:
        return None
    return rounded(Decimal(attended) * HUNDRED / Decimal(days))


def average_percent(scores: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """The average of score / max × 100 over (score, max) pairs (a max of 0 is left out), rounded to 2 places;
    None when there is none."""
    percents = [Decimal(score) * HUNDRED / Decimal(top) for score, top in scores if top and Decimal(top) > 0]
    if not percents:
        return None
    return rounded(sum(percents, Decimal("0")) / len(percents))


def overdue_cutoff(last_on: date, today: date) -> date:
    """A certificate counts as overdue when it expired before this day: the period's last day, or today while the
    period is still running."""
    return min(last_on, today)


def kpi_value_problem(kpi_code: str, raw) -> tuple[str, Decimal | None]:
    """("", value) for an acceptable imported value of `kpi_code`, else (problem code, None): "required",
    "not_number" (also NaN and infinity), "negative", "too_big", "csat_range" or "percent_range"."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return "required", None
    if isinstance(raw, bool):
        return "not_number", None
    value = decimal_or_none(raw)
    if value is None:
        return "not_number", None
    if value < 0:
        return "negative", None
    if value > KPI_MAX:
        return "too_big", None
    low, high = KPI_RANGES.get(kpi_code, (None, None))
    if low is not None and not low <= value <= high:
        return ("csat_range" if kpi_code == "csat" else "percent_range"), None
    return "", value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) if value.as_tuple().exponent < -4 else value
