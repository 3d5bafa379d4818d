"""A rule version in words, as staff and heads read it ("5–10 元", "当天工资的 3 倍", the ladder as sentences),
and the texts of the catalogue's problem codes."""
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue import rules
from hrapp.blueprints.conduct.messages import problem_text
from hrapp.labels import label
from hrapp.models import Measure, PenaltyForm, RuleKind

PROBLEMS = {
    rules.KIND_NOT_IN_CATEGORY: _l("This kind does not belong to the rule's category."),
    rules.FACTOR_PRECISION: _l("A factor has at most 2 decimal places."),
    rules.POINTS_PRECISION: _l("Points have at most 1 decimal place."),
    rules.POINTS_NEGATIVE: _l("Points must not be negative."),
    rules.LADDER_PRECISION: _l("A ladder multiplier has at most 2 decimal places."),
    rules.TOO_LARGE: _l("This number is too large."),
}


def problem_texts(problems: dict[str, list[str]]) -> dict[str, list[str]]:
    """field -> messages for the catalogue's problem codes (penalty's and money's included)."""
    return {name: [str(PROBLEMS[c]) if c in PROBLEMS else problem_text(c) for c in codes]
            for name, codes in problems.items()}


def number(value: Decimal | None) -> str:
    """A number as people write it: 5 rather than 5.00, 1.5 rather than 1.50."""
    if value is None:
        return ""
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def ordinal(n: int) -> str:
    """2nd in English; the number alone where the sentence carries the ordinal (Chinese: 第 2 次)."""
    if not str(get_locale() or "zh").startswith("en"):
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _measure(value) -> str:
    return label(Measure(value)).lower() if value in Measure._value2member_map_ else str(value)


def amount_line(version) -> str:
    """What the rule costs or gives, in one phrase."""
    kind, low, high = RuleKind(version.kind), number(version.min_amount), number(version.max_amount)
    factor = number(version.factor)
    if kind in (RuleKind.FINE_RANGE, RuleKind.BONUS) and low and high:
        text = _("%(low)s–%(high)s yuan", low=low, high=high)
        return text if kind == RuleKind.FINE_RANGE else _("A bonus of %(amount)s", amount=text)
    if kind in (RuleKind.FINE_MIN, RuleKind.BONUS) and low:
        text = _("at least %(low)s yuan", low=low)
        return text if kind == RuleKind.FINE_MIN else _("A bonus of %(amount)s", amount=text)
    return {
        RuleKind.DAILY_WAGE_MULTIPLE: lambda: _("%(factor)s × the day's wage", factor=factor),
        RuleKind.AMOUNT_MULTIPLE: lambda: _("%(factor)s × the amount involved", factor=factor),
        RuleKind.COMPENSATION: lambda: _("the cost of the damage"),
        RuleKind.DISMISSAL: lambda: _("dismissal, no fine"),
        RuleKind.HANDBOOK: lambda: _("by minutes late or early (see the tiers)"),
        RuleKind.WARNING: lambda: _("a warning, no fine"),
        RuleKind.COMMENDATION: lambda: _("a commendation"),
        RuleKind.BONUS: lambda: _("a bonus"),
        RuleKind.PROMOTION: lambda: _("a promotion recommendation"),
    }.get(kind, lambda: label(kind))()


@dataclass(frozen=True)
class LadderRow:
    occurrence: str
    multiplier: str
    measure: str
    sentence: str


@dataclass(frozen=True)
class TierRow:
    minutes: str
    amount: str
    points: str


@dataclass(frozen=True)
class Wording:
    """Everything the rule pages say about one version."""

    amount: str
    form: str
    points: str
    serious: str
    ladder: tuple[LadderRow, ...]
    tiers: tuple[TierRow, ...]
    lookback_days: int | None


def _ladder(terms: penalty.RuleTerms) -> tuple[LadderRow, ...]:
    rows = []
    for i, step in enumerate(terms.ladder):
        nth = ordinal(step.occurrence)
        when = _("%(nth)s or later within %(days)s days", nth=nth, days=terms.lookback_days) \
            if i == len(terms.ladder) - 1 else _("%(nth)s within %(days)s days", nth=nth, days=terms.lookback_days)
        times = f"×{number(step.multiplier)}"
        sentence = _("%(when)s: %(times)s and %(measure)s", when=when, times=times, measure=_measure(step.measure)) \
            if step.measure != "none" else _("%(when)s: %(times)s", when=when, times=times)
        rows.append(LadderRow(nth, times, label(Measure(step.measure)) if step.measure in Measure._value2member_map_
                              else step.measure, sentence))
    return tuple(rows)


def _tier(tier: penalty.Tier) -> TierRow:
    minutes = _("%(low)s–%(high)s minutes", low=tier.from_minutes, high=tier.to_minutes) \
        if tier.to_minutes is not None else _("%(low)s minutes or more", low=tier.from_minutes)
    return TierRow(minutes, _("%(amount)s yuan", amount=number(tier.amount)), number(tier.points))


def wording(version) -> Wording:
    """The version `version` (a ConductRuleVersion) in words."""
    terms = penalty.RuleTerms.of(version)
    reward = version.kind in penalty.REWARD_KINDS
    points = ""
    if version.points and (reward or terms.deducts_points):
        points = _("Performance points awarded: %(points)s", points=number(version.points)) if reward else \
            _("Performance points deducted: %(points)s", points=number(version.points))
    serious = _("Serious cases: %(measure)s", measure=_measure(version.serious_measure)) \
        if str(version.serious_measure or "none") != "none" else ""
    return Wording(amount=amount_line(version), form="" if reward else label(PenaltyForm(version.form)),
                   points=points, serious=serious, ladder=_ladder(terms) if terms.lookback_days else (),
                   tiers=tuple(_tier(t) for t in terms.tiers), lookback_days=terms.lookback_days)


def kind_label(kind) -> str:
    """A rule kind's label."""
    return label(RuleKind(kind))


def kind_choices() -> list[tuple[str, str]]:
    return [(k.value, kind_label(k)) for k in RuleKind]


def rule_title(version) -> str:
    """The rule's text in the UI language (Chinese when it has no English text)."""
    return version.title(str(get_locale() or "zh"))
