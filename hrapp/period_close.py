"""The period-close mechanism (月结) closable modules use: the guard every write path calls, the message a
closed period shows, and which registered modules are closable. HR's pages that close and reopen periods are
the period_close feature package; this module imports no feature package.
"""
from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import gettext as _

from hrapp.core.module import Module, modules
from hrapp.extensions import db
from hrapp.models import Department, PeriodClose


class PeriodClosed(Exception):
    """A write touches a day of a closed period. `str()` is the translated message for the user."""

    def __init__(self, close: PeriodClose):
        self.close = close
        super().__init__(_("%(module)s of %(department)s for %(period)s are closed (since %(day)s): they can be "
                           "read but not changed until HR reopens the period.",
                           module=module_label(close.module), department=close.department.name,
                           period=close.period_name, day=format_date(close.closed_at.date(), "medium")))


def closable_modules() -> list[Module]:
    """The registered modules that declare `closable=True`, in registration order."""
    return [m for m in modules() if m.closable]


def module_label(name: str) -> str:
    """What people call the module `name` (its `label`, else the name itself)."""
    found = next((m for m in modules() if m.name == name), None)
    return str(found.label or found.name) if found is not None else name


def period_closed(modules: str | Iterable[str], first, last, department_id=None) -> sa.ColumnElement[bool]:
    """SQL condition on PeriodClose: a closed (not reopened) record of `modules` (a name or names) overlapping
    [first, last], of `department_id` when given. The one "closed for a period" the close guard, the pages and
    the HR desk use; the arguments may be columns."""
    names = [modules] if isinstance(modules, str) else list(modules)
    closed = sa.and_(PeriodClose.module.in_(names), PeriodClose.reopened_at.is_(None),
                     PeriodClose.starts_on <= last, PeriodClose.ends_on >= first)
    return closed if department_id is None else sa.and_(closed, PeriodClose.department_id == department_id)


def overlapping_close(module: str, department_id, first, last) -> sa.ColumnElement[bool]:
    """SQL condition matching the closed (not reopened) records of `module` for `department_id` that overlap
    [first, last]; the arguments may be columns, so a page can outer-join its record's close in the same
    statement that loads the record."""
    return period_closed(module, first, last, department_id)


def _closing(module: str, department_id: int, first: date, last: date) -> list[PeriodClose]:
    """Closed (not reopened) records of the module and department overlapping [first, last]."""
    return list(db.session.scalars(sa.select(PeriodClose).where(
        overlapping_close(module, department_id, first, last)).order_by(PeriodClose.starts_on)))


def closed_for(module: str, department: Department, first: date, last: date) -> PeriodClose | None:
    """The first closed period of `module` and `department` overlapping [first, last], or None (one query).

    Pages use it to show a record read-only with the `PeriodClosed` message.
    """
    found = _closing(module, department.id, first, last)
    return found[0] if found else None


def ensure_open(module: str, department: Department, days: date | Iterable[date]) -> None:
    """The guard every write path of a closable module calls with the days it writes (one query).

    :raise PeriodClosed: one of `days` lies in a period of `module` closed for `department`.
    """
    days = {days} if isinstance(days, date) else set(days)
    if not days:
        return
    for close in _closing(module, department.id, min(days), max(days)):
        if any(close.starts_on <= day <= close.ends_on for day in days):
            raise PeriodClosed(close)
