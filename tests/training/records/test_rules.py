"""The pure rules of training records and inductions."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.training.records import rules

pytestmark = pytest.mark.unit
TODAY = date(2026, 12, 2)


def test_hours_by_year_are_exact_and_latest_first():
    rows = [(date(2026, 1, 1), Decimal("2.5")), (date(2025, 12, 31), Decimal("4")), (date(2026, 6, 1), Decimal("0.1")),
            (date(2026, 6, 2), Decimal("0.2"))]
    assert rules.hours_by_year(rows) == [(2026, Decimal("2.8")), (2025, Decimal("4"))]
    assert rules.hours_by_year([]) == []


@pytest.mark.parametrize("expires, state", [
    (None, "no_expiry"), (date(2026, 12, 1), "expired"), (date(2026, 12, 2), "expiring"),
    (date(2027, 1, 1), "expiring"), (date(2027, 1, 2), "valid"),
])
def test_certificate_state(expires, state):
    assert rules.certificate_state(expires, TODAY) == state


@pytest.mark.parametrize("status, due, state", [
    ("open", date(2026, 12, 1), "overdue"), ("open", TODAY, "open"), ("done", date(2026, 1, 1), "done"),
    ("waived", date(2026, 1, 1), "waived"),
])
def test_induction_state(status, due, state):
    assert rules.induction_state(status, due, TODAY) == state


def test_due_on_and_completion_day():
    assert rules.induction_due_on(date(2026, 1, 31), 30) == date(2026, 3, 2)
    placed = date(2026, 3, 1)
    present, passed = [date(2026, 2, 1), date(2026, 3, 5), date(2026, 3, 3)], [date(2026, 3, 9)]
    assert rules.completion_day(present, passed, assessed=False, placed_on=placed) == date(2026, 3, 3)
    assert rules.completion_day(present, passed, assessed=True, placed_on=placed) == date(2026, 3, 9)
    assert rules.completion_day(present, [], assessed=True, placed_on=placed) is None
    assert rules.completion_day([date(2026, 2, 1)], [], assessed=False, placed_on=placed) is None


def test_waive_refusal():
    assert rules.waive_refusal("open", "持证") == {}
    assert rules.waive_refusal("open", "  ") == {"reason": "reason_required"}
    assert rules.waive_refusal("done", "持证") == {"reason": "not_open"}
