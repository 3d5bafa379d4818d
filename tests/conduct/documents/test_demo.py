"""seed-demo's year of conduct records: every state, one clear escalation, rewards in each state, amounts as
the rules say, deterministic with the seed; and the pure plan on its own."""
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

import hrapp.demo.seed
from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue.seed import standard_rules
from hrapp.blueprints.conduct.documents.demo_plan import DemoPerson, DemoRule, plan_violations
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    Department,
    Measure,
    RecordSource,
    Reward,
    RewardState,
    StaffMember,
    User,
    Violation,
    ViolationState,
)

ARGS = ["seed-demo", "--staff", "60", "--seed", "4", "--password", "Demo-Password-2026"]


def _seed(runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    return result


def _assert_states_and_escalation(today: date) -> None:
    states = set(db.session.scalars(sa.select(Violation.state).distinct()))
    assert states == set(ViolationState), set(ViolationState) - states
    staff = db.session.scalar(sa.select(User).where(User.username == "staff")).staff
    late = db.session.scalars(sa.select(Violation).where(Violation.staff_id == staff.id)
                              .join(Violation.rule).where(ConductRule.code == "2-3a")
                              .order_by(Violation.occurred_at)).all()
    assert [v.occurrence for v in late] == [1, 2, 3], [(v.occurred_at, v.source_ref) for v in late]
    assert late[2].occurred_at - late[0].occurred_at <= timedelta(days=90)
    assert late[2].ladder_multiplier == 2 and late[2].measure == Measure.FINAL_WARNING
    assert late[2].state == ViolationState.SUBMITTED and late[2].respond_by >= today
    assert {r.state for r in db.session.scalars(sa.select(Reward))} == {
        RewardState.APPROVED, RewardState.PROPOSED, RewardState.REJECTED}


def test_demo_has_violations_in_every_state_and_an_escalation(runner):
    result = _seed(runner)
    assert "Conduct:" in result.output
    _assert_states_and_escalation(company_today())


# Month starts and ends (a short February, a leap day), quarter and year starts, and 2 December (the day the
# attendance demo's random lateness first fell on the demo staff account's person, a fourth 2-3a). Past days:
# the attendance demo punches only shifts that have ended by the real clock; training's demo step is left out
# (it schedules sessions after `today`, which the real clock refuses in the past; the escalation is conduct's
# and attendance's).
@pytest.mark.parametrize("today", [date(2024, 2, 29), date(2025, 12, 31), date(2026, 1, 1), date(2026, 2, 28),
                                   date(2026, 3, 1), date(2026, 4, 1), date(2026, 6, 30), date(2026, 10, 1),
                                   date(2026, 12, 2), date(2026, 12, 3)])
def test_demo_escalation_holds_on_any_day(runner, monkeypatch, today):
    """The escalation is the demo staff account's three lateness records whatever day the demo is seeded."""
    monkeypatch.setattr(hrapp.demo.seed, "company_today", lambda: today)
    every = hrapp.demo.seed.modules
    monkeypatch.setattr(hrapp.demo.seed, "modules", lambda: [m for m in every() if m.name != "training"])
    result = _seed(runner)
    assert f"to {today - timedelta(days=1):%Y-%m-%d}, " in result.output  # the attendance demo's window too
    _assert_states_and_escalation(today)


def test_demo_records_are_consistent(runner):
    _seed(runner)
    shift = set(db.session.scalars(sa.select(Department.id).where(Department.code.in_(
        ("HTL-FO", "HTL-FD", "HTL-GS", "HTL-HK", "PRK-CS")))))
    # the conduct demo's own records (the attendance demo's proposals come from its punches, recorded by no one)
    violations = db.session.scalars(sa.select(Violation).where(
        sa.or_(Violation.source_ref.is_(None), Violation.source_ref.not_like("attendance:%")))).all()
    assert len(violations) >= 40
    now = datetime.now()
    for v in violations:
        assert v.department_id in shift and v.department_id == v.staff.department_id
        assert v.staff.hire_on <= v.occurred_at.date() and v.occurred_at <= now
        assert v.occurred_at >= now - timedelta(days=367)
        assert v.number.startswith(f"V{v.occurred_at.year}-") and v.ledger_month == f"{v.occurred_at:%Y-%m}"
        assert v.recorded_by is not None and v.recorded_by.staff_id != v.staff_id
        if v.state in (ViolationState.FINAL, ViolationState.VOID):
            assert v.decision and v.decided_by_id
        if v.state == ViolationState.PROPOSED:
            assert v.source == RecordSource.ATTENDANCE
    appeals = [v for v in violations if v.appeal_text]
    assert {v.decision for v in appeals} >= {"upheld", "overturned"}
    assert any(v.state == ViolationState.REFERRED for v in appeals)
    codes = {v.rule.code for v in violations}
    assert {"2-3a", "2-4"} <= codes


def test_demo_is_deterministic(runner):
    def snapshot():
        return db.session.execute(sa.select(Violation.number, StaffMember.staff_number, Violation.amount,
                                            Violation.state).join(Violation.staff).order_by(Violation.number)).all()

    _seed(runner)
    first = snapshot()
    db.session.remove()
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()
    _seed(runner)
    assert snapshot() == first


def _rules() -> dict[str, DemoRule]:
    rules = {}
    for n, seed in enumerate(standard_rules(), start=1):
        terms = penalty.RuleTerms(kind=seed.kind, form=seed.form, min_amount=seed.min_amount,
                                  max_amount=seed.max_amount, factor=seed.factor, points=seed.points,
                                  serious_measure=seed.serious_measure, lookback_days=seed.lookback_days,
                                  ladder=tuple(seed.ladder), tiers=tuple(seed.tiers))
        rules[seed.code] = DemoRule(seed.code, n, n, terms)
    return rules


def test_plan_scales_with_the_people_and_assesses_every_amount():
    today = date(2026, 6, 1)
    people = [DemoPerson(i, ("HTL-HK", "HTL-FD", "PRK-CS")[i % 3], date(2020, 1, 1), Decimal("200.00"), i % 3)
              for i in range(500)]
    plan = plan_violations(people, _rules(), today, random.Random(1), "Asia/Shanghai", people[0], Decimal("500"))
    assert 380 <= len(plan) <= 420
    common = sum(1 for v in plan if v.rule.code in ("2-3a", "2-4"))
    rare = sum(1 for v in plan if v.rule.code in ("2-7", "2-9"))
    assert common > 10 * max(rare, 1)
    assert all(v.rule.code != "2-12" or v.person.department == "PRK-CS" for v in plan)
    for v in plan:
        assert v.outcome.ok and v.outcome.amount >= 0
        if v.rule.code == "2-3b":
            assert v.outcome.base_amount == Decimal("600.00")  # 3 × the day's wage
    assert plan == sorted(plan, key=lambda v: v.occurred_at)
