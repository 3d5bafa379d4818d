"""What blocks the close of a department's conduct month (the module's `close_checks`): a member whose month
the legal guard rail flags and HR has not resolved, or a violation of that ledger month still waiting for a
decision (it must be decided, or deferred to the next month, first)."""
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.core.periods import MONTH, Period, period_of
from hrapp.extensions import db
from hrapp.models import Department, StaffMember

from .queries import flagged_ids, open_violations

SHOWN = 5  # names or numbers listed in a message; the rest are counted


def _listed(items: list[str]) -> str:
    more = len(items) - SHOWN
    return "、".join(items[:SHOWN]) + (_(" and %(n)s more", n=more) if more > 0 else "")


def months_between(first: date, last: date) -> list[Period]:
    """The calendar months overlapping [first, last], in order."""
    months, month = [], period_of(MONTH, first)
    while month.first <= last:
        months.append(month)
        month = month.next()
    return months


def month_problems(department: Department, month: Period) -> list[str]:
    """Why `department`'s conduct `month` cannot close (translated), or [] when it may."""
    problems = []
    flagged = flagged_ids(month, StaffMember.department_id == department.id)
    if flagged:
        names = list(db.session.scalars(sa.select(StaffMember.name_zh).where(StaffMember.id.in_(flagged))
                                        .order_by(StaffMember.staff_number)))
        problems.append(_("%(month)s: the deductions of %(names)s break the legal guard rail and HR has not "
                          "resolved them (adjust, defer or override on the conduct ledger).",
                          month=month.name, names=_listed(names)))
    waiting = open_violations(month.name, department)
    if waiting:
        problems.append(_("%(month)s: %(n)s violation(s) still wait for a decision (%(numbers)s); decide or "
                          "defer them first.", month=month.name, n=len(waiting),
                          numbers=_listed([v.number for v in waiting])))
    return problems


def conduct_close_check(department: Department, first: date, last: date) -> list[str]:
    """The conduct module's close check (Module.close_checks): the problems of every month in [first, last]."""
    return [problem for month in months_between(first, last) for problem in month_problems(department, month)]
