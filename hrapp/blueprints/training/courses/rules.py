"""The catalogue's pure rules: what a course's settings may be, and the conduct rules a new course of each
category is meant to improve. No request, no database: problems come back as codes the services word."""
from dataclasses import dataclass, replace
from decimal import Decimal

# The conduct rules (by code) a new course of each category pre-selects; codes missing from the catalogue are
# ignored. Keys are CourseCategory values.
DEFAULT_RULE_CODES: dict[str, tuple[str, ...]] = {
    "complaint_handling": ("2-8",),
    "etiquette_grooming": ("2-4", "2-5"),
    "service_awareness": ("2-1", "2-5", "2-8"),
    "safety": ("2-13",),
    "laws_regulations": ("2-9", "2-11", "2-16"),
    "teamwork": ("2-6", "2-7"),
    "product_knowledge": ("2-15",),
    "communication": ("2-5", "2-8"),
}

MAX_HOURS = Decimal("999.9")
MAX_SCORE = Decimal("9999.9")  # the score columns hold one decimal, four digits before it
MAX_RETAKES = 20
MAX_CERTIFICATE_MONTHS = 240
MAX_DUE_DAYS = 3650


@dataclass(frozen=True)
class CourseSettings:
    """A course's numbers and trainer as entered (None: left empty, or not a number)."""

    hours: Decimal | None
    max_score: Decimal | None
    pass_score: Decimal | None
    retakes: int | None
    certificate_months: int | None
    trainer_number: str = ""
    trainer_name: str = ""


def _one_decimal(value: Decimal) -> bool:
    return value == value.quantize(Decimal("0.1"))


def course_problems(settings: CourseSettings) -> dict[str, str]:
    """Field -> problem code for a course's settings ({} when they are acceptable).

    Codes: hours "hours" (more than 0, at most MAX_HOURS, one decimal); max_score "max_score" (more than 0, one
    decimal); pass_score "pass_range" (0 to the maximum, one decimal); retakes "retakes"; certificate_months
    "months" (1 to MAX_CERTIFICATE_MONTHS) or "not_assessed" (only an assessed course certifies); trainer_name
    "two_trainers" (a staff member and an outside name given together).
    """
    problems: dict[str, str] = {}
    s = settings
    if any(v is not None and not v.is_finite() for v in (s.hours, s.max_score, s.pass_score)):  # NaN, Infinity
        s = replace(s, **{name: None if getattr(s, name) is not None and not getattr(s, name).is_finite()
                          else getattr(s, name) for name in ("hours", "max_score", "pass_score")})
        if settings.pass_score is not None and s.pass_score is None:
            problems["pass_score"] = "pass_range"
    if s.hours is None or not (0 < s.hours <= MAX_HOURS) or not _one_decimal(s.hours):
        problems["hours"] = "hours"
    max_ok = s.max_score is not None and 0 < s.max_score <= MAX_SCORE and _one_decimal(s.max_score)
    if not max_ok:
        problems["max_score"] = "max_score"
    if s.pass_score is not None and (s.pass_score < 0 or not _one_decimal(s.pass_score)
                                     or (max_ok and s.pass_score > s.max_score)):
        problems["pass_score"] = "pass_range"
    if s.retakes is None or not 0 <= s.retakes <= MAX_RETAKES:
        problems["retakes"] = "retakes"
    if s.certificate_months is not None:
        if not 0 < s.certificate_months <= MAX_CERTIFICATE_MONTHS:
            problems["certificate_months"] = "months"
        elif s.pass_score is None:
            problems["certificate_months"] = "not_assessed"
    if s.trainer_number.strip() and s.trainer_name.strip():
        problems["trainer_name"] = "two_trainers"
    return problems


def due_days_problem(due_days: int | None) -> str | None:
    """"due_days" when a required course's days to complete are not 1 to MAX_DUE_DAYS, else None."""
    return None if due_days is not None and 0 < due_days <= MAX_DUE_DAYS else "due_days"


def default_rule_codes(category: str) -> tuple[str, ...]:
    """The conduct rule codes a new course of `category` (a CourseCategory value) pre-selects."""
    return DEFAULT_RULE_CODES.get(category, ())
