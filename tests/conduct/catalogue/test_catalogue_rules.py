"""The catalogue's own checks on a rule version (pure: no app, no database)."""
from decimal import Decimal

import pytest

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue import rules
from hrapp.blueprints.conduct.catalogue.rules import VersionDraft, draft_problems
from hrapp.blueprints.conduct.catalogue.seed import standard_rules
from hrapp.core import money

pytestmark = pytest.mark.unit


def draft(**terms) -> VersionDraft:
    return VersionDraft("规则", penalty.RuleTerms(**{"kind": "fine_range", "min_amount": Decimal("5"),
                                                    "max_amount": Decimal("10"), **terms}))


def test_every_standard_rule_may_be_saved_as_it_is():
    for seed in standard_rules():
        terms = penalty.RuleTerms(kind=seed.kind, form=seed.form, min_amount=seed.min_amount,
                                  max_amount=seed.max_amount, factor=seed.factor, points=seed.points,
                                  serious_measure=seed.serious_measure, lookback_days=seed.lookback_days,
                                  ladder=seed.ladder, tiers=seed.tiers)
        assert draft_problems(VersionDraft(seed.title_zh, terms), seed.category) == {}, seed.code


def test_a_valid_range_passes():
    assert draft_problems(draft(), "penalty") == {}


@pytest.mark.parametrize(("terms", "category", "expected"), [
    ({"kind": "bonus"}, "penalty", {"kind": [rules.KIND_NOT_IN_CATEGORY]}),
    ({"kind": "fine_range"}, "reward", {"kind": [rules.KIND_NOT_IN_CATEGORY]}),
    ({"min_amount": Decimal("-5")}, "penalty", {"min_amount": [money.NEGATIVE]}),
    ({"max_amount": Decimal("10.005")}, "penalty", {"max_amount": [money.PRECISION]}),
    ({"max_amount": Decimal("4")}, "penalty", {"max_amount": [penalty.TERM_RANGE_REVERSED]}),
    ({"max_amount": None}, "penalty", {"max_amount": [penalty.TERM_REQUIRED]}),
    ({"factor": Decimal("2")}, "penalty", {"factor": [penalty.TERM_NOT_ALLOWED]}),
    ({"kind": "dismissal"}, "penalty", {"min_amount": [penalty.TERM_NOT_ALLOWED],
                                        "max_amount": [penalty.TERM_NOT_ALLOWED]}),
    ({"points": Decimal("1.25")}, "penalty", {"points": [rules.POINTS_PRECISION]}),
    ({"points": Decimal("-1")}, "penalty", {"points": [rules.POINTS_NEGATIVE]}),
    ({"points": Decimal("100000")}, "penalty", {"points": [rules.TOO_LARGE]}),
])
def test_bad_terms_are_refused_on_their_field(terms, category, expected):
    assert draft_problems(draft(**terms), category) == expected


@pytest.mark.parametrize(("factor", "code"), [
    (Decimal("3.125"), rules.FACTOR_PRECISION), (Decimal("0"), penalty.TERM_NOT_POSITIVE),
    (Decimal("NaN"), penalty.TERM_NOT_POSITIVE), (Decimal("10000"), rules.TOO_LARGE), (None, penalty.TERM_REQUIRED),
])
def test_a_wage_multiple_needs_a_sensible_factor(factor, code):
    problems = draft_problems(draft(kind="daily_wage_multiple", min_amount=None, max_amount=None, factor=factor),
                              "penalty")
    assert problems == {"factor": [code]}


def test_the_ladder_and_tiers_are_judged_as_tables():
    ladder = (penalty.Step(2, Decimal("2.125"), "written_warning"), penalty.Step(2, Decimal("11"), "nope"))
    problems = draft_problems(draft(lookback_days=None, ladder=ladder), "penalty")
    assert problems["lookback_days"] == [penalty.LOOKBACK_REQUIRED]
    assert set(problems["ladder"]) == {penalty.LADDER_ORDER, penalty.LADDER_MULTIPLIER, penalty.LADDER_MEASURE,
                                       rules.LADDER_PRECISION}
    tiers = (penalty.Tier(1, 10, Decimal("10")), penalty.Tier(5, None, Decimal("20.001")))
    problems = draft_problems(draft(kind="handbook", min_amount=None, max_amount=None, tiers=tiers), "penalty")
    assert set(problems["tiers"]) == {penalty.TIERS_OVERLAP, penalty.TIER_BOUNDS}
    assert draft_problems(draft(tiers=(penalty.Tier(1, None, Decimal("1")),)), "penalty") == {
        "tiers": [penalty.TERM_NOT_ALLOWED]}


def test_a_reward_may_award_points_and_a_bonus_range():
    bonus = VersionDraft("奖金", penalty.RuleTerms(kind="bonus", min_amount=Decimal("100"),
                                                  max_amount=Decimal("5000"), points=Decimal("3")))
    assert draft_problems(bonus, "reward") == {}
