"""Period close (月结): HR closes a closable module's period for a department (and maybe its sub-departments)
and reopens it with a reason. The guard closable modules call is `hrapp.period_close.ensure_open`.

Services never commit. Two closes of the same period at once: the second one's flush (or commit) raises
IntegrityError on the unique constraint, which the caller answers like `PeriodCloseError.already_closed`.
"""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp import audit
from hrapp.core.errors import STALE_MESSAGE
from hrapp.core.module import Module
from hrapp.core.periods import Period
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AuditEntry, Department, PeriodClose, utcnow
from hrapp.period_close import closable_modules

REASON_LENGTH = 255


class PeriodCloseError(ValidationFailed):
    """A close or reopen that cannot be done: field -> translated messages; nothing was changed."""

    @classmethod
    def already_closed(cls) -> "PeriodCloseError":
        return cls({"reason": [_("This period is already closed.")]})

    @classmethod
    def stale(cls) -> "PeriodCloseError":
        return cls({"reason": [STALE_MESSAGE]})  # the one stale answer, as everywhere


def find_close(module: str, department_id: int, period: Period) -> PeriodClose | None:
    """The record of this module, department and period (closed or reopened), or None."""
    return db.session.scalar(sa.select(PeriodClose).where(
        PeriodClose.module == module, PeriodClose.department_id == department_id, _of_period(period)))


def _of_period(period: Period) -> sa.ColumnElement[bool]:
    """SQL condition on PeriodClose: the record of exactly `period` (closed or reopened; the unique key's part)."""
    return sa.and_(PeriodClose.period_kind == period.kind, PeriodClose.starts_on == period.first)


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


def close_problems(module: Module, departments: list[Department], period: Period) -> list[str]:
    """What the module's `close_checks` say blocks closing `period` for each of `departments` (empty: none)."""
    return [problem for department in departments for check in module.close_checks
            for problem in check(department, period.first, period.last)]


def close_period(actor, module: str, department: Department, period: Period, expected_version: int,
                 reason: str = "", include_sub_departments: bool = False) -> list[PeriodClose]:
    """Close `module`'s `period` for `department` (and, if asked, every department below it that is still
    open); each close is audited. Returns the records closed, `department`'s first.

    `expected_version` is the version of the department's record the form showed (0 when there was none).
    :raise PeriodCloseError: not a closable module, already closed, changed meanwhile, reason too long, or the
        module's close checks find something unresolved in a department to close (their messages).
    """
    declared = next((m for m in closable_modules() if m.name == module), None)
    if declared is None:
        raise PeriodCloseError({"module": [_("This module has no periods to close.")]})
    reason = _check_reason(reason, required=False)
    existing = find_close(module, department.id, period)
    if existing is not None and existing.is_closed:
        raise PeriodCloseError.already_closed()
    if (existing.version_id if existing is not None else 0) != expected_version:
        raise PeriodCloseError.stale()
    targets = [(department, existing)]
    if include_sub_departments:
        below = db.session.scalars(sa.select(Department).where(
            Department.path.startswith(department.path), Department.id != department.id).order_by(Department.path))
        targets += [(sub, record) for sub in below
                    if (record := find_close(module, sub.id, period)) is None or not record.is_closed]
    problems = close_problems(declared, [d for d, _record in targets], period)
    if problems:
        raise PeriodCloseError({"module": problems})
    closed = [_close_one(actor, module, d, period, reason, record) for d, record in targets]
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
        PeriodClose.module.in_(names), _of_period(period), PeriodClose.department_id.in_([d.id for d in departments])))
    return {(r.module, r.department_id): r for r in rows}


def close_history(period: Period) -> list[AuditEntry]:
    """Every close and reopen of `period` (any module, any department), newest first, from the audit trail."""
    ids = sa.select(PeriodClose.id).where(_of_period(period))
    return list(db.session.scalars(sa.select(AuditEntry).where(
        AuditEntry.target_type == PeriodClose.__name__, AuditEntry.target_id.in_(ids),
        AuditEntry.action.in_(["period.close", "period.reopen"])).order_by(AuditEntry.id.desc())))

