"""Month-close readiness per department, for the HR desk: for the month being closed, is each closable
module closed (PeriodClose), is attendance reconciled (days still pending past their windows, as the
attendance close check counts them), does the conduct ledger's guard rail flag anyone (the ledger's own
computation), do violations still wait for a decision, and is the signed attendance sheet issued?

One statement for every department (grouped sub-selects joined to the departments), after the ledger's."""
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.attendance.sheet.close import WINDOW_DAYS
from hrapp.blueprints.attendance.sheet.documents import SHEET_KIND
from hrapp.blueprints.conduct.ledger.queries import OPEN_STATES, compute_ledger
from hrapp.core.periods import Period
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    DayStatus,
    Department,
    DocumentStatus,
    IssuedDocument,
    PeriodClose,
    StaffMember,
    Violation,
)
from hrapp.period_close import closable_modules

from . import rules


@dataclass(frozen=True)
class DepartmentReadiness:
    """One department's row: closed per closable module (name -> bool) and what still blocks the close."""

    department_id: int
    code: str
    name: str
    closed: dict[str, bool]
    pending_days: int
    flagged: int
    open_violations: int
    sheet: str  # rules.OK (signed), rules.WAITING (issued, signatures missing), rules.TODO (not issued)

    @property
    def is_ready(self) -> bool:
        """Every module closed, nothing pending, nobody flagged, the sheet signed."""
        return all(self.closed.values()) and not (self.pending_days or self.flagged or self.open_violations) \
            and self.sheet == rules.OK


def _closed(module: str, month: Period):
    return (sa.select(PeriodClose.department_id.label("department_id"), sa.literal(1).label("closed"))
            .where(PeriodClose.module == module, PeriodClose.period_kind == month.kind,
                   PeriodClose.starts_on == month.first, PeriodClose.reopened_at.is_(None))
            .subquery(f"closed_{module}"))


def _counted(name: str, column, *where):
    return (sa.select(column.label("department_id"), sa.func.count().label("n")).where(*where)
            .group_by(column).subquery(name))


def _sheets(month: Period):
    issued = sa.func.max(sa.case((IssuedDocument.status == DocumentStatus.ISSUED, 1), else_=0))
    pending = sa.func.max(sa.case((IssuedDocument.status == DocumentStatus.PENDING, 1), else_=0))
    return (sa.select(IssuedDocument.subject_department_id.label("department_id"), issued.label("issued"),
                      pending.label("pending"))
            .where(IssuedDocument.kind == SHEET_KIND, IssuedDocument.period_start_on == month.first)
            .group_by(IssuedDocument.subject_department_id).subquery("sheets"))


def month_readiness(month: Period, today: date) -> list[DepartmentReadiness]:
    """Every department's readiness to close `month`, in tree order: the ledger's statements, then one."""
    flagged_ids = compute_ledger(month).flagged_ids()
    settled = min(month.last, today - timedelta(days=WINDOW_DAYS))
    modules = [m.name for m in closable_modules()]
    closes = {name: _closed(name, month) for name in modules}
    pending = _counted("pending", AttendanceDay.department_id, AttendanceDay.status == DayStatus.PENDING,
                       AttendanceDay.day.between(month.first, settled))
    flagged = _counted("flagged", StaffMember.department_id, StaffMember.id.in_(flagged_ids or [-1]))
    waiting = _counted("waiting", Violation.department_id, Violation.ledger_month == month.name,
                       Violation.state.in_(OPEN_STATES))
    sheets = _sheets(month)
    query = sa.select(Department.id, Department.code, Department.name, pending.c.n, flagged.c.n, waiting.c.n,
                      sheets.c.issued, sheets.c.pending, *(closes[m].c.closed for m in modules))
    for sub in (pending, flagged, waiting, sheets, *closes.values()):
        query = query.outerjoin(sub, sub.c.department_id == Department.id)
    rows = db.session.execute(query.order_by(Department.path)).all()
    return [DepartmentReadiness(
        row[0], row[1], row[2], closed={m: bool(row[8 + i]) for i, m in enumerate(modules)},
        pending_days=row[3] or 0, flagged=row[4] or 0, open_violations=row[5] or 0,
        sheet=rules.sheet_state(bool(row[6]), bool(row[7]))) for row in rows]
