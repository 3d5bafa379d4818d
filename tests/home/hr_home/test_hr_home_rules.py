"""The HR desk's pure rules."""
from datetime import date

from hrapp.blueprints.home.hr_home import rules
from hrapp.blueprints.home.hr_home.demo import contract_end


def test_month_to_close_is_the_previous_until_every_record_is_closed():
    assert rules.month_to_close(date(2026, 5, 3), 5, 6).name == "2026-04"
    assert rules.month_to_close(date(2026, 5, 3), 6, 6).name == "2026-05"
    assert rules.month_to_close(date(2026, 1, 3), 0, 0).name == "2025-12"


def test_sheet_state():
    assert rules.sheet_state(True, True) == rules.OK
    assert rules.sheet_state(False, True) == rules.WAITING
    assert rules.sheet_state(False, False) == rules.TODO


def test_days_until():
    assert rules.days_until(date(2026, 5, 10), date(2026, 5, 3)) == 7
    assert rules.days_until(date(2026, 5, 1), date(2026, 5, 3)) == -2


def test_cycle_progress_counts_results_that_stand():
    progress = rules.CycleProgress(1, "2026-Q1", "published", {"acknowledged": 3, "decided": 1, "published": 4}, 0)
    assert (progress.total, progress.done, progress.done_percent) == (8, 4, 50)
    assert rules.CycleProgress(1, "x", "setup", {}, 0).done_percent == 0


def test_demo_contract_end_is_the_three_year_term_in_force():
    assert contract_end(date(2020, 3, 1), date(2026, 5, 3)) == date(2029, 2, 28)
    assert contract_end(date(2024, 6, 1), date(2026, 5, 3)) == date(2027, 5, 31)
    assert contract_end(date(2023, 5, 4), date(2026, 5, 3)) == date(2026, 5, 3)
