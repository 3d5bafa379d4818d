"""The demo's year of violations and rewards, planned (pure: no Flask, no database; the rng decides everything).

Violations are spread over the 12 months before `today` in proportion to the people given, over the rules by
how common they are (demo_texts.RULE_WEIGHTS); their state follows their age (recent ones still moving, older
ones final). Scripted on top, so that every demo shows them: one clear escalation (the same person late three
times within 90 days, the third time doubled with a final warning), appeals upheld, one overturned, one referred
to the general manager and one pending, a fine above the company cap awaiting its second approver, a draft,
a pending and a dismissed attendance proposal, one acknowledged awaiting HR, an adjusted amount. Amounts come from penalty.assess.
"""
import random
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.documents import demo_texts as texts

VIOLATIONS_PER_PERSON = 0.8  # a year
REWARDS_PER_PERSON = 0.15
RECENT_DAYS = 3  # still with the person (submitted) or the recorder (draft, proposal)
REVIEW_DAYS = 20  # acknowledged, waiting for HR's review
# States whose violations count as earlier occurrences on the ladder.
COUNTED = frozenset({"submitted", "acknowledged", "appealed", "referred", "awaiting_second", "final"})


@dataclass(frozen=True)
class DemoPerson:
    staff_id: int
    department: str  # department code
    hire_on: date
    daily_wage: Decimal | None = None
    department_id: int = 0


@dataclass(frozen=True)
class DemoRule:
    code: str
    rule_id: int
    version_id: int
    terms: penalty.RuleTerms


@dataclass(frozen=True)
class PlannedViolation:
    """One violation as the workflow would have left it; times are naive UTC, `recorder` a demo username."""

    person: DemoPerson
    rule: DemoRule
    occurred_at: datetime
    state: str
    place: str = ""
    description: str = ""
    amount: Decimal | None = None  # the recorder's input (a chosen fine or a cost)
    amount_involved: Decimal | None = None
    minutes: int | None = None
    script: str = ""  # upheld / overturned / referred / appealed / adjusted / proposal / dismissed
    outcome: penalty.PenaltyOutcome | None = None
    columns: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedReward:
    person: DemoPerson
    rule: DemoRule
    awarded_on: date
    state: str
    reason: str
    amount: Decimal


def _local(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """A local wall-clock time on `day` as naive UTC."""
    return datetime.combine(day, time(hour, minute), zone).astimezone(UTC).replace(tzinfo=None)


@lru_cache(maxsize=64)
def _choices(department: str, codes: frozenset[str], exclude: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The rules a person of `department` may break (of `codes`), and their weights."""
    fits = tuple(c for c in texts.RULE_WEIGHTS if c in codes and c != exclude
                 and department in texts.RULE_DEPARTMENTS.get(c, (department,)))
    return fits, tuple(texts.RULE_WEIGHTS[c] for c in fits)


def _rule_for(person: DemoPerson, rules: dict[str, DemoRule], rng: random.Random, exclude: str = "") -> DemoRule:
    codes, weights = _choices(person.department, frozenset(rules), exclude)
    return rules[rng.choices(codes, weights=weights)[0]]


def _inputs(rule: DemoRule, rng: random.Random) -> dict:
    """What a recorder enters for `rule`: a fine inside its range (heads rarely pick the top), minutes, a cost."""
    terms = rule.terms
    if terms.kind == penalty.FINE_RANGE:
        low, high = int(terms.min_amount or 0), int(terms.max_amount or 0)
        return {"amount": Decimal(rng.choice([low, (low + high) // 2, (low + high) // 2, high]))}
    if terms.kind == penalty.FINE_MIN:
        return {"amount": (terms.min_amount or Decimal("0")) * rng.choice([1, 1, 1, 2])}
    if terms.kind == penalty.HANDBOOK:
        return {"minutes": rng.choices(texts.MINUTES, weights=range(len(texts.MINUTES), 0, -1))[0]}
    if terms.kind == penalty.COMPENSATION:
        return {"amount": Decimal(rng.choice(texts.COSTS))}
    if terms.kind == penalty.AMOUNT_MULTIPLE:
        return {"amount_involved": Decimal(rng.choice(texts.INVOLVED))}
    return {}


def _violation(person, rule, day, state, rng, zone, script="", **given) -> PlannedViolation:
    places = texts.PLACES.get(person.department, ("工作区域",))
    inputs = _inputs(rule, rng) | given
    return PlannedViolation(person, rule, _local(day, rng.randint(7, 21), rng.randrange(0, 60, 5), zone), state,
                            rng.choice(places), rng.choice(texts.DESCRIPTIONS.get(rule.code, ("",))),
                            script=script, **inputs)


def _random_state(age: int, rule: DemoRule, rng: random.Random) -> str:
    if age <= RECENT_DAYS:
        if rule.code == "2-3a" and rng.random() < 0.5:
            return "proposed"
        return rng.choices(["submitted", "draft"], weights=[7, 3])[0]
    if age <= REVIEW_DAYS:
        return rng.choices(["acknowledged", "final", "void"], weights=[50, 45, 5])[0]
    return rng.choices(["final", "void"], weights=[95, 5])[0]


def _scripted(people, rules, rng, today, zone, escalated: DemoPerson) -> list[PlannedViolation]:
    """The cases every demo shows (see the module docstring)."""
    settled = [p for p in people if p is not escalated and p.hire_on < today - timedelta(days=210)] or people

    def pick(code: str) -> DemoPerson:
        only = texts.RULE_DEPARTMENTS.get(code)
        return rng.choice([p for p in settled if p.department in only] or settled if only else settled)

    def at(days: int) -> date:
        return today - timedelta(days=days)

    late = rules["2-3a"]
    plan = [_violation(escalated, late, at(days), state, rng, zone, minutes=minutes)
            for days, state, minutes in ((75, "final", 12), (40, "final", 20), (2, "submitted", 35))]
    for days, code in ((200, "2-4"), (120, "2-1"), (60, "2-5")):
        plan.append(_violation(pick(code), rules[code], at(days), "final", rng, zone, script="upheld"))
    plan += [
        _violation(pick("2-8"), rules["2-8"], at(45), "void", rng, zone, script="overturned"),
        _violation(pick("2-6"), rules["2-6"], at(8), "referred", rng, zone, script="appealed"),
        _violation(pick("2-2"), rules["2-2"], at(5), "appealed", rng, zone, script="appealed"),
        _violation(pick("2-8"), rules["2-8"], at(6), "awaiting_second", rng, zone, amount=Decimal("600.00")),
        _violation(pick("2-3a"), late, at(1), "proposed", rng, zone),
        _violation(pick("2-3a"), late, at(30), "dismissed", rng, zone),
        _violation(pick("2-4"), rules["2-4"], at(1), "draft", rng, zone),
        _violation(pick("2-1"), rules["2-1"], at(10), "acknowledged", rng, zone),
        _violation(pick("2-2"), rules["2-2"], at(90), "final", rng, zone, script="adjusted"),
    ]
    return plan


def plan_violations(people: list[DemoPerson], rules: dict[str, DemoRule], today: date, rng: random.Random,
                    zone: str, escalated: DemoPerson, fines_cap: Decimal | None) -> list[PlannedViolation]:
    """The year's violations in time order, each assessed against its rule and the person's earlier ones; those
    the rule refuses (none, normally) are left out."""
    tz = ZoneInfo(zone)
    plan = _scripted(people, rules, rng, today, tz, escalated)
    for _ in range(round(len(people) * VIOLATIONS_PER_PERSON)):
        person = rng.choice(people)
        rule = _rule_for(person, rules, rng, exclude="2-3a" if person is escalated else "")
        earliest = max((today - person.hire_on).days, 1)
        age = rng.randint(1, min(365, earliest)) if earliest > 1 else 1
        plan.append(_violation(person, rule, today - timedelta(days=age), _random_state(age, rule, rng), rng, tz))
    plan.sort(key=lambda v: v.occurred_at)
    seen: dict[tuple[int, str], list[datetime]] = {}
    assessed = []
    for item in plan:
        earlier = seen.setdefault((item.person.staff_id, item.rule.code), [])
        window = timedelta(days=item.rule.terms.lookback_days or 0)
        prior = sum(1 for t in earlier if item.occurred_at - t <= window) if window else 0
        outcome = penalty.assess(item.rule.terms, penalty.PenaltyInput(
            amount=item.amount, amount_involved=item.amount_involved, minutes=item.minutes,
            daily_wage=item.person.daily_wage, prior_occurrences=prior, second_approval_above=fines_cap))
        if not outcome.ok:
            continue
        if item.state in COUNTED:
            earlier.append(item.occurred_at)
        assessed.append(replace(item, outcome=outcome))
    return assessed


def plan_rewards(people: list[DemoPerson], rules: dict[str, DemoRule], today: date,
                 rng: random.Random) -> list[PlannedReward]:
    """The year's rewards: mostly approved commendations and bonuses, recent ones still proposed, a few
    rejected; in date order."""
    codes = [c for c in ("R-1", "R-2") if c in rules]
    plan = []
    count = max(6, round(len(people) * REWARDS_PER_PERSON))
    for n in range(count):
        person, code = rng.choice(people), rng.choices(codes, weights=[6, 4][:len(codes)])[0]
        age = rng.randint(1, 365)
        state = "proposed" if age <= 10 or n == 0 else "rejected" if n == 1 or rng.random() < 0.1 else "approved"
        age = rng.randint(1, 10) if n == 0 else age
        amount = Decimal(rng.choice([200, 300, 500, 800, 1000])) if rules[code].terms.kind == penalty.BONUS \
            else Decimal("0")
        plan.append(PlannedReward(person, rules[code], today - timedelta(days=age), state,
                                  rng.choice(texts.REWARD_REASONS.get(code, ("",))), amount.quantize(Decimal("0.01"))))
    return sorted(plan, key=lambda r: r.awarded_on)
