"""The standard catalogue: the penalty schedule and rewards of code_of_conduct.yaml (a copy of the domain's seed
file beside this module), with the company defaults the schedule leaves open — the lateness tiers of rule 2-3a
("per the staff handbook"), performance points for every penalty, and a repeat-offence ladder.

`seed_catalogue(actor)` adds the rules whose code is not in the catalogue yet (HR's own edits are never
overwritten) and returns how many it added; it never commits. `standard_rules()` is the pure reading of the file.
"""
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
import yaml

from hrapp.blueprints.conduct import penalty
from hrapp.extensions import db
from hrapp.models import ConductRule, ConductRuleVersion, PenaltyForm, RuleCategory, RuleKind

SEED_FILE = Path(__file__).with_name("code_of_conduct.yaml")

# The company's own lateness / early-leaving tiers (rule 2-3a leaves them to the staff handbook).
DEFAULT_TIERS = (
    penalty.Tier(1, 10, Decimal("10.00"), Decimal("0.5")),
    penalty.Tier(11, 30, Decimal("20.00"), Decimal("1.0")),
    penalty.Tier(31, 60, Decimal("50.00"), Decimal("2.0")),
    penalty.Tier(61, None, Decimal("100.00"), Decimal("3.0")),
)
# A repeat within 90 days: the 2nd costs double with a written warning, the 3rd double with a final warning,
# the 4th on goes to a dismissal review.
DEFAULT_LOOKBACK_DAYS = 90
DEFAULT_LADDER = (
    penalty.Step(2, Decimal("2"), "written_warning"),
    penalty.Step(3, Decimal("2"), "final_warning"),
    penalty.Step(4, Decimal("2"), "dismissal_review"),
)
# Kinds that escalate (a dismissal, compensation at cost or a multiple of what was taken does not).
ESCALATING = frozenset({penalty.FINE_RANGE, penalty.FINE_MIN, penalty.HANDBOOK, penalty.DAILY_WAGE_MULTIPLE,
                        penalty.WARNING})
# Reward kinds of the seed's rewards (the file gives none): R-1 a commendation, R-2 a bonus.
REWARD_TERMS = {
    "R-1": (RuleKind.COMMENDATION, None, None, Decimal("5.0")),
    "R-2": (RuleKind.BONUS, Decimal("100.00"), Decimal("5000.00"), Decimal("3.0")),
}


@dataclass(frozen=True)
class SeedRule:
    """One rule of the standard catalogue, ready to store."""

    code: str
    category: str
    title_zh: str
    title_en: str
    kind: str
    form: str = penalty.FINE
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    factor: Decimal | None = None
    points: Decimal | None = None
    serious_measure: str = "none"
    lookback_days: int | None = None
    ladder: tuple = ()
    tiers: tuple = ()
    note: str = ""
    extra: dict = field(default_factory=dict)


def _points_for(entry: dict) -> Decimal:
    """Performance points of a penalty, by how heavily the schedule fines it."""
    if entry["kind"] in (penalty.DAILY_WAGE_MULTIPLE, penalty.AMOUNT_MULTIPLE):
        return Decimal("5.0")
    floor = Decimal(str(entry.get("min", 0) or 0))
    return Decimal("5.0") if floor >= 100 else Decimal("3.0") if floor >= 50 else Decimal("1.0")


def standard_rules(path: Path = SEED_FILE) -> list[SeedRule]:
    """The penalties then the rewards of the seed file, with the defaults above (pure: reads the file only)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = []
    for entry in data["penalties"]:
        kind = entry["kind"]
        kind = penalty.HANDBOOK if kind == "handbook" else kind
        escalates = kind in ESCALATING
        rules.append(SeedRule(
            code=str(entry["code"]), category="penalty", title_zh=entry["zh"], title_en=entry.get("en", ""),
            kind=kind, form=penalty.BOTH if kind not in (penalty.COMPENSATION, penalty.DISMISSAL) else penalty.FINE,
            min_amount=Decimal(str(entry["min"])).quantize(Decimal("0.01")) if "min" in entry else None,
            max_amount=Decimal(str(entry["max"])).quantize(Decimal("0.01")) if "max" in entry else None,
            factor=Decimal(str(entry["factor"])) if "factor" in entry else None,
            points=None if kind == penalty.HANDBOOK else _points_for(entry) if kind not in (
                penalty.COMPENSATION, penalty.DISMISSAL) else None,
            serious_measure=str(entry.get("serious") or "none"),
            lookback_days=DEFAULT_LOOKBACK_DAYS if escalates else None,
            ladder=DEFAULT_LADDER if escalates else (), tiers=DEFAULT_TIERS if kind == penalty.HANDBOOK else (),
            note=str(entry.get("note", ""))))
    for entry in data["rewards"]:
        kind, low, high, points = REWARD_TERMS.get(str(entry["code"]), (RuleKind.COMMENDATION, None, None, None))
        rules.append(SeedRule(code=str(entry["code"]), category="reward", title_zh=entry["zh"],
                              title_en=entry.get("en", ""), kind=str(kind), form=penalty.FINE, min_amount=low,
                              max_amount=high, points=points))
    return rules


def seed_catalogue(actor=None, path: Path = SEED_FILE) -> int:
    """Add the standard rules whose codes are not in the catalogue yet; returns how many were added."""
    present = set(db.session.scalars(sa.select(ConductRule.code)))
    added = 0
    for order, seed in enumerate(standard_rules(path), start=1):
        if seed.code in present:
            continue
        rule = ConductRule(code=seed.code, category=RuleCategory(seed.category), sort_order=order * 10)
        db.session.add(rule)
        db.session.add(ConductRuleVersion(
            rule=rule, number=1, title_zh=seed.title_zh, title_en=seed.title_en, kind=RuleKind(seed.kind),
            form=PenaltyForm(seed.form), min_amount=seed.min_amount, max_amount=seed.max_amount, factor=seed.factor,
            points=seed.points, serious_measure=seed.serious_measure, lookback_days=seed.lookback_days,
            ladder=[s.as_json() for s in seed.ladder], tiers=[t.as_json() for t in seed.tiers], note=seed.note,
            change_reason="code_of_conduct.yaml", created_by_id=getattr(actor, "id", None)))
        added += 1
    db.session.flush()
    return added
