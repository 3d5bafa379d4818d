"""The effect's pure rules with exact numbers: windows and their edges, the session day excluded, partial
after-windows, courses without linked rules, empty groups, the comparison group's anchors, reaction and learning."""
from datetime import date, timedelta
from decimal import Decimal

from hrapp.blueprints.training.effect.rules import (
    COUNTED_STATES,
    AttemptRow,
    after_window_passed,
    behaviour,
    colleague_anchors,
    first_anchors,
    group_behaviour,
    learning,
    reaction,
    window,
)
from hrapp.models import FeedbackRating, ViolationState

D = date(2026, 3, 2)
TODAY = date(2026, 12, 2)


def days(*offsets):
    return [D + timedelta(days=n) for n in offsets]


def test_window_edges_and_the_session_day():
    w = window(D)
    assert (w.before_first, w.before_last, w.after_first, w.after_last) == (
        date(2025, 12, 2), date(2026, 3, 1), date(2026, 3, 3), date(2026, 5, 31))
    result = group_behaviour({1: D}, {1: days(-91, -90, -1, 0, 1, 90, 91)}, TODAY)
    assert (result.people, result.before, result.after) == (1, 2, 2)


def test_per_100_people_and_change():
    result = group_behaviour({1: D, 2: D, 3: D}, {1: days(-5, -4, 3), 2: days(-1)}, TODAY)
    assert (result.before, result.after) == (3, 1)
    assert (result.before_per_100, result.after_per_100, result.change_per_100) == (
        Decimal("100.0"), Decimal("33.3"), Decimal("-66.7"))
    assert result.partial is False


def test_partial_after_window():
    assert after_window_passed(D, D + timedelta(days=91))
    assert not after_window_passed(D, D + timedelta(days=90))  # its last day is today, not over yet
    result = group_behaviour({1: D, 2: TODAY - timedelta(days=10)}, {}, TODAY)
    assert result.partial is True and result.before_per_100 == Decimal("0.0")


def test_empty_group_has_no_rates():
    result = group_behaviour({}, {1: days(-1)}, TODAY)
    assert (result.people, result.before, result.after, result.before_per_100, result.change_per_100,
            result.partial) == (0, 0, 0, None, None, False)


def test_anchors_first_session_and_colleagues_of_the_same_departments():
    later = D + timedelta(days=30)
    anchors = first_anchors([(1, later), (1, D), (2, later)])
    assert anchors == {1: D, 2: later}
    # attendee 1 in department 10, 2 in department 20; 3 and 4 colleagues of 10 and 20, 5 of 30 (nobody attended)
    comparison = colleague_anchors({1: 10, 2: 20}, anchors, {1: 10, 2: 20, 3: 10, 4: 20, 5: 30})
    assert comparison == {3: D, 4: later}


def test_behaviour_against_colleagues_and_without_linked_rules():
    anchors = {1: D}
    result = behaviour(True, {1: 10}, anchors, {1: 10, 2: 10}, {1: days(-3), 2: days(4, 5)}, TODAY)
    assert (result.attendees.before, result.attendees.after) == (1, 0)
    assert (result.colleagues.people, result.colleagues.before, result.colleagues.after) == (1, 0, 2)
    assert result.difference == Decimal("-300.0")  # -100 per 100 against +200
    bare = behaviour(False, {1: 10}, anchors, {1: 10, 2: 10}, {1: days(-3), 2: days(4, 5)}, TODAY)
    assert bare.linked_rules is False and bare.attendees.before == 0 and bare.colleagues.after == 0


def test_counted_states():
    assert ViolationState.FINAL in COUNTED_STATES and ViolationState.SUBMITTED in COUNTED_STATES
    assert not {ViolationState.DRAFT, ViolationState.VOID, ViolationState.PROPOSED,
                ViolationState.DISMISSED} & COUNTED_STATES


def test_reaction():
    result = reaction([5, 4, 2, 5], present=5)
    assert dict(result.distribution) == {FeedbackRating.VERY_SATISFIED: 2, FeedbackRating.SATISFIED: 1,
                                         FeedbackRating.NEUTRAL: 0, FeedbackRating.SOMEWHAT_DISSATISFIED: 1,
                                         FeedbackRating.VERY_DISSATISFIED: 0}
    assert [rating for rating, _ in result.distribution] == [5, 4, 3, 2, 1]
    assert (result.average, result.response_rate) == (Decimal("4.0"), Decimal("80.0"))
    empty = reaction([], present=0)
    assert (empty.responses, empty.average, empty.response_rate) == (0, None, None)


def test_learning():
    rows = [AttemptRow(1, 2, Decimal("75"), True), AttemptRow(1, 1, Decimal("52.5"), False),
            AttemptRow(2, 1, Decimal("90"), True), AttemptRow(3, 1, Decimal("40"), False),
            AttemptRow(3, 2, Decimal("45"), False), AttemptRow(3, 3, Decimal("38"), False)]
    result = learning(rows)
    assert (result.people, result.attempts) == (3, 6)
    assert (result.pass_rate, result.first_pass_rate) == (Decimal("66.7"), Decimal("33.3"))
    assert result.average_score == Decimal("56.8")  # 340.5 / 6 = 56.75
    assert (result.retaken_by, result.score_change) == (2, Decimal("10.3"))  # (+22.5 - 2) / 2 = 10.25
    empty = learning([])
    assert (empty.people, empty.pass_rate, empty.average_score, empty.score_change) == (0, None, None, None)
