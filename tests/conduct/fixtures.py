"""Fixtures of the code-of-conduct tests: rules, violations and rewards made directly (each part's own tests go
through the pages and the API; these only set the scene)."""
from datetime import date, datetime
from decimal import Decimal
from itertools import count

import pytest

from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    PayRate,
    PenaltyForm,
    Reward,
    RewardState,
    RuleCategory,
    RuleKind,
    Violation,
    ViolationState,
)

_seq = count(1)
REWARD_KINDS = {RuleKind.COMMENDATION, RuleKind.BONUS, RuleKind.PROMOTION}


@pytest.fixture
def make_rule(app):
    """make_rule("2-4", RuleKind.FINE_RANGE, min_amount=Decimal("10"), max_amount=Decimal("20"), ...): a rule
    with one version; keyword arguments are ConductRuleVersion columns."""
    def make(code=None, kind=RuleKind.FINE_RANGE, title_zh=None, **terms) -> ConductRule:
        n = next(_seq)
        category = RuleCategory.REWARD if kind in REWARD_KINDS else RuleCategory.PENALTY
        rule = ConductRule(code=code or f"T-{n}", category=category, sort_order=n)
        version = ConductRuleVersion(rule=rule, number=1, title_zh=title_zh or f"规则{n}", title_en=f"Rule {n}",
                                     kind=kind, form=terms.pop("form", PenaltyForm.FINE), **terms)
        db.session.add_all([rule, version])
        db.session.commit()
        return rule
    return make


@pytest.fixture
def make_violation(app):
    """make_violation(staff, rule, state=ViolationState.FINAL, amount=Decimal("10"), occurred_at=...): a row as
    the workflow would leave it (no workflow run)."""
    def make(staff, rule, state=ViolationState.FINAL, amount=Decimal("10.00"), occurred_at=None, recorded_by=None,
             **kw) -> Violation:
        n = next(_seq)
        occurred_at = occurred_at or datetime(2026, 5, 10, 2, 0)
        violation = Violation(
            number=kw.pop("number", f"V{occurred_at.year}-{900000 + n:06d}"), staff=staff,
            department_id=kw.pop("department_id", staff.department_id), rule=rule,
            rule_version=rule.versions[0], occurred_at=occurred_at, amount=amount, state=state,
            ledger_month=kw.pop("ledger_month", occurred_at.strftime("%Y-%m")),
            recorded_by_id=getattr(recorded_by, "id", None), description=kw.pop("description", "测试违纪"), **kw)
        db.session.add(violation)
        db.session.commit()
        return violation
    return make


@pytest.fixture
def make_reward(app):
    """make_reward(staff, rule, state=RewardState.APPROVED, amount=Decimal("200")): a reward row."""
    def make(staff, rule, state=RewardState.APPROVED, amount=Decimal("0.00"), awarded_on=None, proposed_by=None,
             **kw) -> Reward:
        n = next(_seq)
        awarded_on = awarded_on or date(2026, 5, 12)
        reward = Reward(number=kw.pop("number", f"R{awarded_on.year}-{900000 + n:06d}"), staff=staff,
                        department_id=kw.pop("department_id", staff.department_id), rule=rule,
                        rule_version=rule.versions[0], kind=kw.pop("kind", rule.versions[0].kind),
                        awarded_on=awarded_on, amount=amount, state=state,
                        ledger_month=kw.pop("ledger_month", awarded_on.strftime("%Y-%m")),
                        proposed_by_id=getattr(proposed_by, "id", None), reason=kw.pop("reason", "测试奖励"), **kw)
        db.session.add(reward)
        db.session.commit()
        return reward
    return make


@pytest.fixture
def set_wage(app):
    """set_wage(staff, monthly=Decimal("4350.00"), since=date(2026, 1, 1)): a pay record (the wage history the
    daily-wage rules and the guard rail read)."""
    def make(staff, monthly=Decimal("4350.00"), since=date(2026, 1, 1), daily=None) -> PayRate:
        rate = PayRate(staff_id=staff.id, effective_on=since, monthly_wage_amount=monthly, daily_wage_amount=daily)
        db.session.add(rate)
        db.session.commit()
        return rate
    return make
