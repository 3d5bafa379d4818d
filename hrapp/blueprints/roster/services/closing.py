"""The period-close guard for rosters: every roster write path calls it for the days it writes."""
from collections.abc import Iterable
from datetime import date

from hrapp.blueprints.roster.services.facts import period_days
from hrapp.models import Department, Roster
from hrapp.period_close import ensure_open

MODULE_NAME = "roster"  # the roster module's name (hrapp.blueprints.roster.MODULE), as period closes store it


def ensure_roster_open(roster: Roster, days: Iterable[date] | None = None) -> None:
    """The period-close guard for a roster write: `days` (the roster's whole period by default) must lie in
    periods still open for the roster's department.

    :raise PeriodClosed: a day is in a closed period (the message names the module, department and period).
    """
    ensure_open(MODULE_NAME, roster.department,
                days if days is not None else period_days(roster.starts_on, roster.ends_on))


def ensure_department_open(department: Department, days: date | Iterable[date]) -> None:
    """The guard for writes that belong to a department rather than a roster (days off, rest-owed lines).

    :raise PeriodClosed: a day is in a period closed for `department`.
    """
    ensure_open(MODULE_NAME, department, days)
