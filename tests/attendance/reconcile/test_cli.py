"""`flask --app wsgi attendance reconcile YYYY-MM [--department CODE]`."""
from datetime import date

from hrapp.models import DayStatus

from .conftest import day_row, first_day_with, punch, utc


def test_the_command_reconciles_a_month_and_prints_counts_per_status(app, rostered, person):
    early = first_day_with(person, "早")
    punch(person, utc(early, 7), utc(early, 15, 1))
    result = app.test_cli_runner().invoke(args=["attendance", "reconcile", "2026-05", "--department",
                                                rostered.front.code])
    assert result.exit_code == 0, result.output
    assert "present" in result.output and "absent" in result.output
    assert day_row(person, early).status == DayStatus.PRESENT
    assert day_row(person, date(2026, 5, 31)) is not None
    assert day_row(rostered.hk_staff, date(2026, 5, 31)) is None  # another department
    again = app.test_cli_runner().invoke(args=["attendance", "reconcile", "2026-05"])
    assert "0 days changed" in again.output


def test_the_command_refuses_a_bad_month_or_department(app, rostered):
    assert app.test_cli_runner().invoke(args=["attendance", "reconcile", "2026-13"]).exit_code == 2
    bad = app.test_cli_runner().invoke(args=["attendance", "reconcile", "2026-05", "--department", "NOPE"])
    assert bad.exit_code == 2
