"""Period close (月结): HR closes a closable module's period for a department (and maybe its sub-departments),
reopens it with a reason; every write path of a closable module calls `ensure_open` first.

Services never commit. Two closes of the same period at once: the second one's flush (or commit) raises
IntegrityError on the unique constraint, which the caller answers like `PeriodCloseError.already_closed`.
"""
from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import gettext as _

from hrapp import audit
from hrapp.core.module import Module, modules
from hrapp.core.periods import Period
from hrapp.extensions import db
from hrapp.models import AuditEntry, Department, PeriodClose, utcnow

REASON_LENGTH = 255


class PeriodClosed(Exception):
    """A write touches a day of a closed period. `str()` is the translated message for the user."""

    def __init__(self, close: PeriodClose):
        self.close = close
        super().__init__(_("%(module)s of %(department)s for %(period)s are closed (since %(day)s): they can be "
                           "read but not changed until HR reopens the period.",
                           module=module_label(close.module), department=close.department.name,
                           period=close.period_name, day=format_date(close.closed_at.date(), "medium")))


class PeriodCloseError(ValueError):
    """A close or reopen that cannot be done: field -> translated messages; nothing was changed."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors

    @classmethod
    def already_closed(cls) -> "PeriodCloseError":
        return cls({"reason": [_("This period is already closed.")]})

    @classmethod
    def stale(cls) -> "PeriodCloseError":
        return cls({"reason": [_("Someone else closed or reopened this period in the meantime; check and try "
                                 "again.")]})


def closable_modules() -> list[Module]:
    """The registered modules that declare `closable=True`, in registration order."""
    return [m for m in modules() if m.closable]


def module_label(name: str) -> str:
    """What people call the module `name` (its `label`, else the name itself)."""
    found = next((m for m in modules() if m.name == name), None)
    return str(found.label or found.name) if found is not None else name


def overlapping_close(module: str, department_id, first, last) -> sa.ColumnElement[bool]:
    """SQL condition matching the closed (not reopened) records of `module` for `department_id` that overlap
    [first, last]; the arguments may be columns, so a page can outer-join its record's close in the same
    statement that loads the record."""
    return sa.and_(PeriodClose.module == module, PeriodClose.department_id == department_id,
                   PeriodClose.reopened_at.is_(None), PeriodClose.starts_on <= last, PeriodClose.ends_on >= first)


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


def find_close(module: str, department_id: int, period: Period) -> PeriodClose | None:
    """The record of this module, department and period (closed or reopened), or None."""
    return db.session.scalar(sa.select(PeriodClose).where(
        PeriodClose.module == module, PeriodClose.department_id == department_id,
        PeriodClose.period_kind == period.kind, PeriodClose.starts_on == period.first))


def _check_reason(reason: str, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise PeriodCloseError({"reason": [_("Give a reason.")]})
    if len(reason) > REASON_LENGTH:
        raise PeriodCloseError({"reason": [_("At most %(n)s characters.", n=REASON_LENGTH)]})
    return reason


def _close_one(actor, module: str, department: Department, period: Period, reason: str,
               existing: PeriodClose | None) -> PeriodClose:
    record = existing or PeriodClose(module=module, period_kind=period.kind, starts_on=period.first,
                                     ends_on=period.last, department_id=department.id, department=department)
    record.closed_at, record.closed_by_id, record.reason = utcnow(), getattr(actor, "id", None), reason
    record.reopened_at, record.reopened_by_id, record.reopen_reason = None, None, ""
    db.session.add(record)
    audit.record(actor, "period.close", record, None,
                 {"module": module, "period": period.name, "department": department.code, "reason": reason},
                 label=f"{module} {department.code} {period.name}")
    return record


def close_period(actor, module: str, department: Department, period: Period, expected_version: int,
                 reason: str = "", include_sub_departments: bool = False) -> list[PeriodClose]:
    """Close `module`'s `period` for `department` (and, if asked, every department below it that is still
    open); each close is audited. Returns the records closed, `department`'s first.

    `expected_version` is the version of the department's record the form showed (0 when there was none).
    :raise PeriodCloseError: not a closable module, already closed, changed meanwhile, reason too long.
    """
    if module not in {m.name for m in closable_modules()}:
        raise PeriodCloseError({"module": [_("This module has no periods to close.")]})
    reason = _check_reason(reason, required=False)
    existing = find_close(module, department.id, period)
    if existing is not None and existing.is_closed:
        raise PeriodCloseError.already_closed()
    if (existing.version_id if existing is not None else 0) != expected_version:
        raise PeriodCloseError.stale()
    closed = [_close_one(actor, module, department, period, reason, existing)]
    if include_sub_departments:
        below = db.session.scalars(sa.select(Department).where(
            Department.path.startswith(department.path), Department.id != department.id).order_by(Department.path))
        for sub in below:
            record = find_close(module, sub.id, period)
            if record is None or not record.is_closed:
                closed.append(_close_one(actor, module, sub, period, reason, record))
    db.session.flush()
    return closed


def reopen_period(actor, record: PeriodClose, expected_version: int, reason: str) -> None:
    """Reopen a closed period (writes are allowed again); the reason is required; audited.

    :raise PeriodCloseError: no reason, not closed, or changed since `expected_version`.
    """
    reason = _check_reason(reason, required=True)
    if record.version_id != expected_version:
        raise PeriodCloseError.stale()
    if not record.is_closed:
        raise PeriodCloseError({"reason": [_("This period is not closed.")]})
    record.reopened_at, record.reopened_by_id, record.reopen_reason = utcnow(), getattr(actor, "id", None), reason
    audit.record(actor, "period.reopen", record, {"closed": True},
                 {"module": record.module, "period": record.period_name, "department": record.department.code,
                  "reason": reason}, label=f"{record.module} {record.department.code} {record.period_name}")
    db.session.flush()


def period_states(period: Period, departments: list[Department]) -> dict[tuple[str, int], PeriodClose]:
    """(module, department id) -> the record of `period` for every closable module (one query); pairs
    without a record were never closed."""
    names = [m.name for m in closable_modules()]
    rows = db.session.scalars(sa.select(PeriodClose).where(
        PeriodClose.module.in_(names), PeriodClose.period_kind == period.kind, PeriodClose.starts_on == period.first,
        PeriodClose.department_id.in_([d.id for d in departments])))
    return {(r.module, r.department_id): r for r in rows}


def close_history(period: Period) -> list[AuditEntry]:
    """Every close and reopen of `period` (any module, any department), newest first, from the audit trail."""
    ids = sa.select(PeriodClose.id).where(PeriodClose.period_kind == period.kind,
                                          PeriodClose.starts_on == period.first)
    return list(db.session.scalars(sa.select(AuditEntry).where(
        AuditEntry.target_type == PeriodClose.__name__, AuditEntry.target_id.in_(ids),
        AuditEntry.action.in_(["period.close", "period.reopen"])).order_by(AuditEntry.id.desc())))

