"""The consistency view's figures: for each rule, how the amounts chosen spread across the people who
recorded them (count, minimum, median, maximum, share at the rule's maximum), by aggregate queries, so HR
spots a head who always fines the maximum."""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import ConductRule, ConductRuleVersion, StaffMember, User, Violation, ViolationState
from hrapp.models.staff import MONEY
from hrapp.naming import english_ui

# Recorded amounts that count: everything a recorder submitted and nobody voided.
COUNTED = frozenset(ViolationState) - {ViolationState.PROPOSED, ViolationState.DISMISSED, ViolationState.DRAFT,
                                       ViolationState.VOID}
ALWAYS_MAX_SHARE = Decimal("0.8")  # from this share at the maximum (and 3 records) the row is highlighted
ALWAYS_MAX_COUNT = 3


@dataclass(frozen=True)
class Spread:
    """One rule × recorder: how many fines, their min / median / max, and the share at the rule's maximum
    (None when the rule has no maximum)."""

    rule: ConductRule
    title: str
    recorder: str
    count: int
    minimum: Decimal
    median: Decimal
    maximum: Decimal
    at_max_share: Decimal | None

    @property
    def always_max(self) -> bool:
        """Whether this recorder nearly always picks the rule's maximum."""
        return self.at_max_share is not None and self.count >= ALWAYS_MAX_COUNT \
            and self.at_max_share >= ALWAYS_MAX_SHARE


def _base(month: str | None, rule_id: int | None) -> list:
    conditions = [Violation.state.in_(COUNTED), Violation.amount > 0]
    if month:
        conditions.append(Violation.ledger_month == month)
    if rule_id:
        conditions.append(Violation.rule_id == rule_id)
    return conditions


def _medians(conditions: list) -> dict[tuple, Decimal]:
    key = (Violation.rule_id, Violation.recorded_by_id)
    ranked = sa.select(*key, Violation.amount,
                       sa.func.row_number().over(partition_by=key, order_by=Violation.amount).label("rn"),
                       sa.func.count().over(partition_by=key).label("n")).where(*conditions).subquery()
    middle = sa.or_(ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2)
    rows = db.session.execute(sa.select(ranked.c.rule_id, ranked.c.recorded_by_id,
                                        sa.type_coerce(sa.func.avg(ranked.c.amount), MONEY))
                              .where(middle).group_by(ranked.c.rule_id, ranked.c.recorded_by_id))
    return {(r, u): Decimal(m).quantize(Decimal("0.01")) for r, u, m in rows}


def amount_spread(month: str | None = None, rule_id: int | None = None) -> list[Spread]:
    """The spread per rule and recorder of the amounts recorded (of ledger `month` and rule `rule_id` when
    given), rules in catalogue order, then the recorders most often at the maximum first. Three queries."""
    conditions = _base(month, rule_id)
    with_max = ConductRuleVersion.max_amount.is_not(None)
    at_max = sa.case((sa.and_(with_max, Violation.amount >= ConductRuleVersion.max_amount), 1), else_=0)
    rows = db.session.execute(
        sa.select(ConductRule, Violation.recorded_by_id, User.username, StaffMember.name_zh, sa.func.count(),
                  sa.type_coerce(sa.func.min(Violation.amount), MONEY),
                  sa.type_coerce(sa.func.max(Violation.amount), MONEY),
                  sa.func.sum(at_max), sa.func.count(ConductRuleVersion.max_amount))
        .join(ConductRule, ConductRule.id == Violation.rule_id)
        .join(ConductRuleVersion, ConductRuleVersion.id == Violation.rule_version_id)
        .outerjoin(User, User.id == Violation.recorded_by_id)
        .outerjoin(StaffMember, StaffMember.id == User.staff_id)
        .where(*conditions)
        .group_by(ConductRule, Violation.recorded_by_id, User.username, StaffMember.name_zh)).all()
    medians = _medians(conditions)
    titles = _titles({row[0].id for row in rows})
    spreads = [Spread(rule, titles.get(rule.id, ""), name or username or "—", n, low,
                      medians.get((rule.id, user_id), low), high, (Decimal(hits) / with_maximum).quantize(Decimal("0.01")) if with_maximum else None)
               for rule, user_id, username, name, n, low, high, hits, with_maximum in rows]
    spreads.sort(key=lambda s: (s.rule.sort_order, s.rule.code, -(s.at_max_share or 0), s.recorder))
    return spreads


def _titles(rule_ids: set[int]) -> dict[int, str]:
    """rule id -> the title of its current version in the UI language (one query)."""
    if not rule_ids:
        return {}
    latest = sa.select(ConductRuleVersion.rule_id, sa.func.max(ConductRuleVersion.number).label("number")) \
        .where(ConductRuleVersion.rule_id.in_(rule_ids)).group_by(ConductRuleVersion.rule_id).subquery()
    versions = db.session.scalars(sa.select(ConductRuleVersion).join(
        latest, sa.and_(latest.c.rule_id == ConductRuleVersion.rule_id, latest.c.number == ConductRuleVersion.number)))
    locale = "en" if english_ui() else "zh"
    return {v.rule_id: v.title(locale) for v in versions}
