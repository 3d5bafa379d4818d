"""Month-close readiness per department, for the HR desk: for the month being closed, is each closable
module closed (PeriodClose), does attendance pass its close check (days still pending past their windows,
corrections and leave waiting for a decision, punches mapped to no one: the conditions the attendance close
check counts), does the conduct ledger's guard rail flag anyone (the ledger's own flagged people), do
violations still wait for a decision, and is the signed attendance sheet issued?

Two statements: the ledger's flagged people, then one for every department (grouped sub-selects joined to
the departments)."""
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import sqlalchemy as sa

from hrapp.blueprints.attendance.sheet.close import (
    pending_correction_clause,
    pending_day_clause,
    settled_until,
    undecided_leave_clause,
    unmapped_punch_clause,
)
from hrapp.blueprints.attendance.sheet.documents import SHEET_KIND
from hrapp.blueprints.conduct.ledger.queries import flagged_people, open_violation_clause
from hrapp.core.periods import Period
from hrapp.extensions import db
from hrapp.models import (
    AttendanceCorrection,
    AttendanceDay,
    Department,
    DocumentStatus,
    IssuedDocument,
    LeaveRequest,
    PeriodClose,
    Punch,
    Violation,
)
from hrapp.naming import display_name
from hrapp.period_close import closable_modules, period_closed

from . import rules


@dataclass(frozen=True)
class DepartmentReadiness:
    """One department's row: closed per closable module (name -> bool) and what still blocks the close."""

    department_id: int
    code: str
    name: str
    closed: dict[str, bool]
    pending_days: int
    pending_corrections: int
    undecided_leave: int
    unmapped_punches: int  # of the whole company: they may be anyone's
    flagged: int
    open_violations: int
    sheet: str  # rules.OK (signed), rules.WAITING (issued, signatures missing), rules.TODO (not issued)

    @property
    def attendance_blocked(self) -> bool:
        """The attendance close check would refuse the close (the same conditions it counts)."""
        return bool(self.pending_days or self.pending_corrections or self.undecided_leave or self.unmapped_punches)

    @property
    def is_ready(self) -> bool:
        """Every module closed, attendance's close check passes, nobody flagged, nothing waiting, the sheet
        signed."""
        return all(self.closed.values()) and not (self.attendance_blocked or self.flagged or self.open_violations) \
            and self.sheet == rules.OK


def _closed(module: str, month: Period):
    return (sa.select(PeriodClose.department_id.label("department_id"), sa.literal(1).label("closed"))
            .where(period_closed(module, month.first, month.last)).distinct().subquery(f"closed_{module}"))


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
    """Every department's readiness to close `month`, in tree order: two statements."""
    flagged = Counter(department_id for _staff_id, department_id in flagged_people(month))
    modules = tuple(m.name for m in closable_modules())
    query, first_closed = _readiness_statement(month, today, modules)
    return [DepartmentReadiness(
        row.id, row.code, display_name(row), closed={m: bool(row[first_closed + i]) for i, m in enumerate(modules)},
        pending_days=row.days or 0, pending_corrections=row.corrections or 0, undecided_leave=row.leave or 0,
        unmapped_punches=row.unmapped or 0, flagged=flagged.get(row.id, 0), open_violations=row.waiting or 0,
        sheet=rules.sheet_state(bool(row.issued), bool(row.pending))) for row in db.session.execute(query)]


@lru_cache(maxsize=8)
def _readiness_statement(month: Period, today: date, modules: tuple[str, ...]) -> tuple[sa.Select, int]:
    """(the readiness statement of `month` on `today` for the closable `modules`, the index of its first "closed"
    column): built once a day, as composing it costs more than running it."""
    closes = {name: _closed(name, month) for name in modules}
    counted = [
        _counted("days", AttendanceDay.department_id,
                 pending_day_clause(month.first, settled_until(month.last, today))),
        _counted("corrections", AttendanceCorrection.department_id, pending_correction_clause(month.first, month.last)),
        _counted("leave", LeaveRequest.department_id, undecided_leave_clause(month.first, month.last)),
        _counted("waiting", Violation.department_id, open_violation_clause(month.name)),
    ]
    unmapped = sa.select(sa.func.count()).select_from(Punch).where(
        unmapped_punch_clause(month.first, month.last)).scalar_subquery()
    sheets = _sheets(month)
    query = sa.select(Department.id, Department.code, Department.name, Department.name_en,
                      unmapped.label("unmapped"), sheets.c.issued, sheets.c.pending,
                      *(sub.c.n.label(sub.name) for sub in counted), *(closes[m].c.closed for m in modules))
    for sub in (*counted, sheets, *closes.values()):
        query = query.outerjoin(sub, sub.c.department_id == Department.id)
    return query.order_by(Department.path), len(query.selected_columns) - len(modules)
