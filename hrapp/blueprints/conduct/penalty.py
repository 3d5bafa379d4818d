"""What a penalty costs (pure): a rule version's terms, the recorder's inputs and the person's earlier
occurrences give the fine, the performance points and the measure, or the problems that refuse them.

No Flask, no database: `RuleTerms.of(version)` reads any object with a rule version's attributes. Kinds and
measures are compared by their stored values (hrapp.models.conduct.RuleKind / Measure are StrEnums with these
values). Problem codes are translated by conduct/messages.py.

Amounts: the recorder picks a fine inside a range (fine_range) or at least a minimum (fine_min); compensation is
the cost the recorder enters; a multiple of the day's wage or of an amount involved is computed; dismissal and
warning carry no fine; the company's lateness tiers (handbook) give the fine by minutes. Then the repeat-offence
ladder: the nth occurrence of the rule for the same person within `lookback_days` takes the ladder's step for n
(the last step for every later one) — its multiplier scales the fine and the points, its measure applies when it
is more severe than the rule's. A serious case takes the rule's serious measure. A rule expressed as points only
(or a company with fines switched off) fines nothing.
"""
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from hrapp.core.money import CENT, money_problem

FINE_RANGE, FINE_MIN, DAILY_WAGE_MULTIPLE, AMOUNT_MULTIPLE = "fine_range", "fine_min", "daily_wage_multiple", \
    "amount_multiple"
COMPENSATION, DISMISSAL, HANDBOOK, WARNING = "compensation", "dismissal", "handbook", "warning_only"
PENALTY_KINDS = (FINE_RANGE, FINE_MIN, DAILY_WAGE_MULTIPLE, AMOUNT_MULTIPLE, COMPENSATION, DISMISSAL, HANDBOOK,
                 WARNING)
COMMENDATION, BONUS, PROMOTION = "commendation", "bonus", "promotion"
REWARD_KINDS = (COMMENDATION, BONUS, PROMOTION)
# Kinds whose fine the recorder enters (`amount`), and those that need an amount involved or minutes.
ENTERED_AMOUNT = frozenset({FINE_RANGE, FINE_MIN, COMPENSATION})
NEEDS_INVOLVED = frozenset({AMOUNT_MULTIPLE})
NEEDS_MINUTES = frozenset({HANDBOOK})

FINE, POINTS, BOTH = "fine", "points", "both"
# Measures from least to most severe (hrapp.models.conduct.Measure values).
SEVERITY = ("none", "warning", "written_warning", "final_warning", "demotion", "transfer", "unpaid_suspension",
            "dismissal_review", "dismissal")
POINT = Decimal("0.1")
MAX_MULTIPLIER = Decimal("10")
MAX_LOOKBACK_DAYS = 3650

# Problem codes: of the inputs (by field) ...
AMOUNT_REQUIRED = "amount_required"
AMOUNT_OUT_OF_RANGE = "amount_out_of_range"
AMOUNT_BELOW_MINIMUM = "amount_below_minimum"
AMOUNT_IS_COMPUTED = "amount_is_computed"
INVOLVED_REQUIRED = "involved_required"
MINUTES_REQUIRED = "minutes_required"
NO_TIER = "no_tier"
NO_WAGE = "no_wage"
NO_SERIOUS_CASE = "no_serious_case"
# ... and of the terms (the catalogue editor).
TERM_REQUIRED = "term_required"
TERM_RANGE_REVERSED = "term_range_reversed"
TERM_NOT_POSITIVE = "term_not_positive"
TERM_NOT_ALLOWED = "term_not_allowed"
LADDER_ORDER = "ladder_order"
LADDER_MULTIPLIER = "ladder_multiplier"
LADDER_MEASURE = "ladder_measure"
LOOKBACK_REQUIRED = "lookback_required"
TIERS_OVERLAP = "tiers_overlap"
TIER_BOUNDS = "tier_bounds"


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal("NaN")


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP) + 0


def _points(value: Decimal) -> Decimal:
    return value.quantize(POINT, rounding=ROUND_HALF_UP) + 0


def more_severe(a: str, b: str) -> str:
    """The more severe of two measures (unknown values count as none)."""
    rank = {m: i for i, m in enumerate(SEVERITY)}
    return a if rank.get(str(a), 0) >= rank.get(str(b), 0) else b


@dataclass(frozen=True)
class Step:
    """A ladder step: from the `occurrence`th time on, the fine and points × `multiplier`, and `measure`."""

    occurrence: int
    multiplier: Decimal = Decimal("1")
    measure: str = "none"

    @classmethod
    def of(cls, data: dict) -> "Step":
        return cls(int(data.get("occurrence") or 0), _decimal(data.get("multiplier")) or Decimal("1"),
                   str(data.get("measure") or "none"))

    def as_json(self) -> dict:
        return {"occurrence": self.occurrence, "multiplier": str(self.multiplier), "measure": self.measure}


@dataclass(frozen=True)
class Tier:
    """A lateness / early-leaving band: from_minutes..to_minutes (None: open-ended) costs `amount` and `points`."""

    from_minutes: int
    to_minutes: int | None
    amount: Decimal
    points: Decimal = Decimal("0")

    @classmethod
    def of(cls, data: dict) -> "Tier":
        to = data.get("to_minutes")
        return cls(int(data.get("from_minutes") or 0), int(to) if to not in (None, "") else None,
                   _decimal(data.get("amount")) or Decimal("0"), _decimal(data.get("points")) or Decimal("0"))

    def covers(self, minutes: int) -> bool:
        return self.from_minutes <= minutes and (self.to_minutes is None or minutes <= self.to_minutes)

    def as_json(self) -> dict:
        return {"from_minutes": self.from_minutes, "to_minutes": self.to_minutes, "amount": str(self.amount),
                "points": str(self.points)}


@dataclass(frozen=True)
class RuleTerms:
    """What a rule version says about amounts (the columns of ConductRuleVersion, as plain values)."""

    kind: str
    form: str = FINE
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    factor: Decimal | None = None
    points: Decimal | None = None
    serious_measure: str = "none"
    lookback_days: int | None = None
    ladder: tuple[Step, ...] = ()
    tiers: tuple[Tier, ...] = ()

    @classmethod
    def of(cls, version) -> "RuleTerms":
        """The terms of a rule version (any object with its attributes; enum members compare as their values)."""
        return cls(kind=str(version.kind), form=str(version.form or FINE), min_amount=version.min_amount,
                   max_amount=version.max_amount, factor=version.factor, points=version.points,
                   serious_measure=str(version.serious_measure or "none"), lookback_days=version.lookback_days,
                   ladder=tuple(sorted((Step.of(s) for s in version.ladder or ()), key=lambda s: s.occurrence)),
                   tiers=tuple(sorted((Tier.of(t) for t in version.tiers or ()), key=lambda t: t.from_minutes)))

    @property
    def fines(self) -> bool:
        return self.form in (FINE, BOTH)

    @property
    def deducts_points(self) -> bool:
        return self.form in (POINTS, BOTH)

    def step_for(self, occurrence: int) -> Step | None:
        """The ladder step that applies to the `occurrence`th time (None: no escalation)."""
        if not self.lookback_days:
            return None
        return next((s for s in reversed(self.ladder) if s.occurrence <= occurrence), None)


@dataclass(frozen=True)
class PenaltyInput:
    """What the recorder entered, and what the system knows about the person on that day."""

    amount: Decimal | None = None  # the chosen fine (fine_range, fine_min) or the cost (compensation)
    amount_involved: Decimal | None = None  # amount_multiple
    minutes: int | None = None  # handbook tiers
    serious: bool = False
    daily_wage: Decimal | None = None  # the wage history's daily wage on the day it happened
    prior_occurrences: int = 0  # of the same rule by the same person within the look-back window, before this
    second_approval_above: Decimal | None = None  # the company cap (None: none)
    fines_enabled: bool = True


@dataclass(frozen=True)
class PenaltyOutcome:
    """The fine and points after escalation, the measure, which occurrence this is and the step applied;
    `problems` (field -> codes) refuse the record when not empty."""

    amount: Decimal = Decimal("0.00")
    base_amount: Decimal = Decimal("0.00")
    points: Decimal = Decimal("0.0")
    measure: str = "none"
    occurrence: int = 1
    multiplier: Decimal = Decimal("1")
    step: Step | None = None
    needs_second_approval: bool = False
    problems: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _base_amount(terms: RuleTerms, given: PenaltyInput, problems: dict[str, list[str]]) -> Decimal:
    """The fine before escalation, adding the input problems found."""
    def refuse(name: str, code: str) -> Decimal:
        problems.setdefault(name, []).append(code)
        return Decimal("0")

    amount = given.amount
    if amount is not None and (code := money_problem(amount)):
        return refuse("amount", code)
    kind = terms.kind
    if kind in ENTERED_AMOUNT and amount is None and not fines_apply(terms, given):
        return Decimal("0")  # a points-only rule (or fines switched off): nothing to enter
    if kind in ENTERED_AMOUNT:
        if amount is None:
            return refuse("amount", AMOUNT_REQUIRED)
        if kind == FINE_RANGE and not (terms.min_amount or 0) <= amount <= (terms.max_amount or amount):
            return refuse("amount", AMOUNT_OUT_OF_RANGE)
        if kind == FINE_MIN and amount < (terms.min_amount or 0):
            return refuse("amount", AMOUNT_BELOW_MINIMUM)
        return amount
    computed = Decimal("0")
    if kind == DAILY_WAGE_MULTIPLE:
        if not given.daily_wage:
            return refuse("amount", NO_WAGE)
        computed = given.daily_wage * (terms.factor or 0)
    elif kind == AMOUNT_MULTIPLE:
        involved = given.amount_involved
        if involved is None:
            return refuse("amount_involved", INVOLVED_REQUIRED)
        if code := money_problem(involved):
            return refuse("amount_involved", code)
        computed = involved * (terms.factor or 0)
    elif kind == HANDBOOK:
        if given.minutes is None or given.minutes <= 0:
            return refuse("minutes", MINUTES_REQUIRED)
        tier = next((t for t in terms.tiers if t.covers(given.minutes)), None)
        if tier is None:
            return refuse("minutes", NO_TIER)
        computed = tier.amount
    computed = _money(computed)
    if amount is not None and amount != computed:
        return refuse("amount", AMOUNT_IS_COMPUTED)
    return computed


def fines_apply(terms: RuleTerms, given: PenaltyInput) -> bool:
    """Whether the violation costs money: the rule fines and the company fines, or it is compensation (a loss
    the person caused is recovered whatever the company's policy on fines)."""
    return terms.kind == COMPENSATION or (terms.fines and given.fines_enabled)


def _base_points(terms: RuleTerms, given: PenaltyInput) -> Decimal:
    if terms.kind == HANDBOOK and given.minutes:
        tier = next((t for t in terms.tiers if t.covers(given.minutes)), None)
        if tier is not None and tier.points:
            return tier.points
    return terms.points or Decimal("0")


def assess(terms: RuleTerms, given: PenaltyInput) -> PenaltyOutcome:
    """The fine, points and measure of one violation under `terms` (see the module docstring)."""
    problems: dict[str, list[str]] = {}
    base = _money(_base_amount(terms, given, problems))
    if given.serious and terms.serious_measure in ("", "none"):
        problems.setdefault("serious", []).append(NO_SERIOUS_CASE)
    occurrence = max(given.prior_occurrences, 0) + 1
    step = terms.step_for(occurrence)
    multiplier = step.multiplier if step else Decimal("1")
    fines = fines_apply(terms, given)
    amount = _money(base * multiplier) if fines else Decimal("0.00")
    points = _points(_base_points(terms, given) * multiplier) if terms.deducts_points else Decimal("0.0")
    measure = {DISMISSAL: "dismissal", WARNING: "warning"}.get(terms.kind, "none")
    if step:
        measure = more_severe(step.measure, measure)
    if given.serious and terms.serious_measure not in ("", "none"):
        measure = more_severe(terms.serious_measure, measure)
    cap = given.second_approval_above
    return PenaltyOutcome(amount=amount, base_amount=base if fines else Decimal("0.00"), points=points,
                          measure=measure, occurrence=occurrence, multiplier=multiplier, step=step,
                          needs_second_approval=cap is not None and amount > cap, problems=problems)


def terms_problems(terms: RuleTerms, category: str = "penalty") -> dict[str, list[str]]:
    """Problem codes per field of a rule version's terms (empty if HR may save them)."""
    problems: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        problems.setdefault(name, []).append(code)

    for name in ("min_amount", "max_amount"):
        value = getattr(terms, name)
        if value is not None and (code := money_problem(value)):
            add(name, code)
    kind = terms.kind
    if kind in (FINE_RANGE, FINE_MIN) or (kind == BONUS and terms.max_amount is not None):
        if terms.min_amount is None:
            add("min_amount", TERM_REQUIRED)
    if kind == FINE_RANGE:
        if terms.max_amount is None:
            add("max_amount", TERM_REQUIRED)
        elif terms.min_amount is not None and terms.max_amount < terms.min_amount:
            add("max_amount", TERM_RANGE_REVERSED)
    if kind in (DAILY_WAGE_MULTIPLE, AMOUNT_MULTIPLE):
        if terms.factor is None:
            add("factor", TERM_REQUIRED)
        elif not terms.factor.is_finite() or terms.factor <= 0:
            add("factor", TERM_NOT_POSITIVE)
    if terms.deducts_points and kind != HANDBOOK and category == "penalty":
        if terms.points is None:
            add("points", TERM_REQUIRED)
        elif not terms.points.is_finite() or terms.points <= 0:
            add("points", TERM_NOT_POSITIVE)
    if kind == HANDBOOK:
        _tier_problems(terms.tiers, add)
    elif terms.tiers:
        add("tiers", TERM_NOT_ALLOWED)
    _ladder_problems(terms, add)
    return problems


def _tier_problems(tiers: tuple[Tier, ...], add) -> None:
    if not tiers:
        add("tiers", TERM_REQUIRED)
    previous_end = 0
    for i, tier in enumerate(tiers):
        if tier.from_minutes < 1 or (tier.to_minutes is not None and tier.to_minutes < tier.from_minutes) \
                or (tier.to_minutes is None and i != len(tiers) - 1):
            add("tiers", TIER_BOUNDS)
        elif tier.from_minutes <= previous_end:
            add("tiers", TIERS_OVERLAP)
        if money_problem(tier.amount) or tier.points < 0:
            add("tiers", TIER_BOUNDS)
        previous_end = tier.to_minutes if tier.to_minutes is not None else 10 ** 6


def _ladder_problems(terms: RuleTerms, add) -> None:
    if not terms.ladder:
        return
    if not terms.lookback_days or not 1 <= terms.lookback_days <= MAX_LOOKBACK_DAYS:
        add("lookback_days", LOOKBACK_REQUIRED)
    occurrences = [s.occurrence for s in terms.ladder]
    if occurrences[0] < 2 or len(set(occurrences)) != len(occurrences):
        add("ladder", LADDER_ORDER)
    for step in terms.ladder:
        if not step.multiplier.is_finite() or not Decimal("1") <= step.multiplier <= MAX_MULTIPLIER:
            add("ladder", LADDER_MULTIPLIER)
        if step.measure not in SEVERITY:
            add("ladder", LADDER_MEASURE)
