"""Pure parts of leave setup, no database: the golden week the demo blocks, a grant's note, a type's settings."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.leave.rules import AnnualGrant
from hrapp.blueprints.leave.setup.demo import next_golden_week
from hrapp.blueprints.leave.setup.granting import grant_note
from hrapp.blueprints.leave.setup.types import TypeDraft, draft_problems

DRAFT = TypeDraft(code="study", name="学习假", name_en="", paid=True, balance_kind="no_balance", yearly_days=None,
                  max_days=Decimal(5), counts_calendar_days=False, half_days=True, needs_hr_approval=False,
                  note_after_days=None, ignores_blackouts=False, carry_over_cap=Decimal(0), carry_over_months=3,
                  sort_order=100)


@pytest.mark.parametrize(("today", "first"), [
    (date(2026, 5, 1), date(2026, 10, 1)), (date(2026, 10, 7), date(2026, 10, 1)),
    (date(2026, 10, 8), date(2027, 10, 1)), (date(2026, 12, 2), date(2027, 10, 1))])
def test_the_next_golden_week(today, first):
    assert next_golden_week(today) == (first, first.replace(day=7))


def test_a_grant_note_says_how():
    assert grant_note(AnnualGrant(Decimal(5), 16, date(2026, 7, 1)), False) == "5 d; 16 y; prorated from 2026-07-01"
    assert grant_note(AnnualGrant(Decimal(12), 3, None), True) == "12 d; 3 y; fixed"


def test_a_types_settings_are_half_days_within_bounds():
    assert draft_problems(DRAFT) == {}
    assert set(draft_problems(replace(DRAFT, max_days=Decimal("2.3"), carry_over_cap=Decimal(-1),
                                      carry_over_months=0, balance_kind="nonsense"))) == {
        "max_days", "carry_over_cap", "carry_over_months", "balance_kind"}
    assert draft_problems(replace(DRAFT, yearly_days=Decimal("7.5"), carry_over_months=12)) == {}
