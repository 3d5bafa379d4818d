"""The penalty arithmetic (pure): every rule kind at its boundaries, the ladder, the serious case, the cap."""
from decimal import Decimal

import pytest

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue.seed import DEFAULT_LADDER, DEFAULT_TIERS, standard_rules
from hrapp.blueprints.conduct.penalty import PenaltyInput, RuleTerms, Step, assess, terms_problems

D = Decimal
RANGE = RuleTerms(kind="fine_range", min_amount=D("5.00"), max_amount=D("10.00"))


@pytest.mark.parametrize("amount,ok", [("4.99", False), ("5.00", True), ("10.00", True), ("10.01", False)])
def test_fine_range_bounds(amount, ok):
    assert assess(RANGE, PenaltyInput(amount=D(amount))).ok is ok


@pytest.mark.parametrize("amount,code", [(None, penalty.AMOUNT_REQUIRED), ("-1", "pay_negative"),
                                         ("5.001", "pay_precision"), ("NaN", "money_not_finite")])
def test_bad_amounts_are_refused_with_a_code(amount, code):
    outcome = assess(RANGE, PenaltyInput(amount=None if amount is None else D(amount)))
    assert outcome.problems == {"amount": [code]}


def test_open_minimum_and_the_cap():
    terms = RuleTerms(kind="fine_min", min_amount=D("50.00"))
    assert not assess(terms, PenaltyInput(amount=D("49.99"))).ok
    under = assess(terms, PenaltyInput(amount=D("500.00"), second_approval_above=D("500.00")))
    over = assess(terms, PenaltyInput(amount=D("500.01"), second_approval_above=D("500.00")))
    assert under.ok and not under.needs_second_approval and over.needs_second_approval


def test_multiple_of_the_days_wage_needs_a_wage_and_computes():
    terms = RuleTerms(kind="daily_wage_multiple", factor=D("3"))
    assert assess(terms, PenaltyInput(daily_wage=D("200.00"))).amount == D("600.00")
    assert assess(terms, PenaltyInput()).problems == {"amount": [penalty.NO_WAGE]}
    assert assess(terms, PenaltyInput(daily_wage=D("200.00"), amount=D("100"))).problems == {
        "amount": [penalty.AMOUNT_IS_COMPUTED]}


def test_amount_multiple_compensation_dismissal_warning():
    assert assess(RuleTerms(kind="amount_multiple", factor=D("2")),
                  PenaltyInput(amount_involved=D("35.50"))).amount == D("71.00")
    assert assess(RuleTerms(kind="amount_multiple", factor=D("2")), PenaltyInput()).problems == {
        "amount_involved": [penalty.INVOLVED_REQUIRED]}
    assert assess(RuleTerms(kind="compensation"), PenaltyInput(amount=D("80.00"))).amount == D("80.00")
    dismissal = assess(RuleTerms(kind="dismissal"), PenaltyInput())
    assert dismissal.amount == 0 and dismissal.measure == "dismissal"
    assert assess(RuleTerms(kind="warning_only"), PenaltyInput()).measure == "warning"


@pytest.mark.parametrize("minutes,amount", [(1, "10.00"), (10, "10.00"), (11, "20.00"), (60, "50.00"),
                                            (61, "100.00"), (600, "100.00")])
def test_lateness_tiers(minutes, amount):
    terms = RuleTerms(kind="handbook", tiers=DEFAULT_TIERS)
    assert assess(terms, PenaltyInput(minutes=minutes)).amount == D(amount)


def test_lateness_without_minutes_is_refused():
    terms = RuleTerms(kind="handbook", tiers=DEFAULT_TIERS)
    assert assess(terms, PenaltyInput(minutes=0)).problems == {"minutes": [penalty.MINUTES_REQUIRED]}


@pytest.mark.parametrize("prior,amount,measure", [(0, "10.00", "none"), (1, "20.00", "written_warning"),
                                                  (2, "20.00", "final_warning"), (3, "20.00", "dismissal_review"),
                                                  (9, "20.00", "dismissal_review")])
def test_the_ladder(prior, amount, measure):
    terms = RuleTerms(kind="fine_range", min_amount=D("5"), max_amount=D("10"), lookback_days=90,
                      ladder=DEFAULT_LADDER)
    outcome = assess(terms, PenaltyInput(amount=D("10.00"), prior_occurrences=prior))
    assert (outcome.amount, outcome.measure, outcome.occurrence) == (D(amount), measure, prior + 1)


def test_points_only_rules_fine_nothing_and_need_no_amount():
    terms = RuleTerms(kind="fine_range", form="points", min_amount=D("5"), max_amount=D("10"), points=D("2"),
                      lookback_days=90, ladder=(Step(2, D("1.5")),))
    outcome = assess(terms, PenaltyInput(prior_occurrences=1))
    assert outcome.ok and outcome.amount == 0 and outcome.points == D("3.0")


def test_serious_case():
    terms = RuleTerms(kind="fine_min", min_amount=D("50"), serious_measure="dismissal")
    assert assess(terms, PenaltyInput(amount=D("50"), serious=True)).measure == "dismissal"
    assert assess(RANGE, PenaltyInput(amount=D("5"), serious=True)).problems == {
        "serious": [penalty.NO_SERIOUS_CASE]}


def test_terms_problems():
    assert terms_problems(RuleTerms(kind="fine_range", min_amount=D("10"), max_amount=D("5"))) == {
        "max_amount": [penalty.TERM_RANGE_REVERSED]}
    assert "ladder" in terms_problems(RuleTerms(kind="warning_only", lookback_days=90, ladder=(Step(1),)))
    assert "tiers" in terms_problems(RuleTerms(kind="handbook", tiers=(
        penalty.Tier(1, 20, D("10")), penalty.Tier(15, None, D("20")))))


def test_the_standard_catalogue_is_valid_and_complete():
    rules = standard_rules()
    assert len([r for r in rules if r.category == "penalty"]) == 17
    assert {r.code for r in rules if r.category == "reward"} == {"R-1", "R-2"}
    for rule in rules:
        terms = RuleTerms(kind=rule.kind, form=rule.form, min_amount=rule.min_amount, max_amount=rule.max_amount,
                          factor=rule.factor, points=rule.points, serious_measure=rule.serious_measure,
                          lookback_days=rule.lookback_days, ladder=rule.ladder, tiers=rule.tiers)
        assert terms_problems(terms, rule.category) == {}, rule.code
