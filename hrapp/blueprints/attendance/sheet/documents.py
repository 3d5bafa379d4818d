"""The signed monthly sheet through the report registry: the record it prints is the department's attendance
month close (PeriodClose, module "attendance"), so a signed sheet is of a month that no longer changes. HR
issues it; the department head signs first, then HR. `report attendance-sheet DEPT_CODE YYYY-MM`."""
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import AttendancePerm, can_manage_attendance
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.company import company_settings
from hrapp.core.localtime import local_datetime
from hrapp.core.periods import MONTH
from hrapp.extensions import db
from hrapp.models import Department, IssuedDocument, PeriodClose
from hrapp.permissions import department_scope, has_perm, heads_department, sees_everything

from . import rules
from .pdf import TITLE, SheetLine, SheetPdfData, build_sheet_pdf
from .services import Sheet, build_sheet

SHEET_KIND = "attendance_sheet"
MODULE = "attendance"


def sheet_subject_key(department: Department, first: date) -> str:
    """"attendance_sheet:<department id>:<YYYY-MM>": the signed versions of one department's month."""
    return f"{SHEET_KIND}:{department.id}:{first:%Y-%m}"


def _is_sheet_month(close: PeriodClose) -> bool:
    return close.module == MODULE and close.period_kind == MONTH


def may_issue_sheet(user, close: PeriodClose) -> bool:
    """HR issues (and signs last) the sheet of a closed attendance month."""
    return _is_sheet_month(close) and can_manage_attendance(user)


def may_view_sheet(user, doc: IssuedDocument) -> bool:
    """The department's heads and HR (staff never see the whole department's sheet)."""
    if sees_everything(user):
        return True
    department = doc.subject_department
    return department is not None and has_perm(user, AttendancePerm.DEPARTMENT) and heads_department(user, department)


def sheet_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of may_view_sheet on IssuedDocument."""
    if sees_everything(user):
        return sa.true()
    scope = department_scope(user) if has_perm(user, AttendancePerm.DEPARTMENT) else frozenset()
    return IssuedDocument.subject_department_id.in_(scope) if scope else sa.false()


def sheet_refusal(close: PeriodClose) -> str | None:
    if not _is_sheet_month(close):
        return str(_l("Only an attendance month can be issued as a monthly sheet."))
    if not close.is_closed:
        return str(_l("The month was reopened: close it again before issuing the signed sheet."))
    return None


def _line(sheet: Sheet, row) -> SheetLine:
    t, names = row.totals, {lt.code: lt.name for lt in sheet.leave_types}
    totals = (t.worked_days, t.late_count, t.late_minutes, t.early_count, t.early_minutes, t.absences,
              t.missing_punches, t.leave_total, *(t.overtime_hours(k) for k in rules.OVERTIME_KINDS), t.rest_owed)
    leave = " · ".join(f"{names.get(code, code)} {rules.number(days)}" for code, days in t.leave_days)
    name = f"{row.name} {row.name_en}".strip() if len(row.name_en) <= 12 else row.name
    return SheetLine(row.staff_number, name, tuple(c.mark for c in row.cells),
                     tuple(rules.number(v) for v in totals), leave)


def sheet_pdf_data(close: PeriodClose, letterhead, labels: tuple[str, ...]) -> SheetPdfData:
    """The closed month as it stands (the same `Sheet` the page shows)."""
    department = close.department
    sheet = build_sheet(department, close.starts_on)
    return SheetPdfData(
        letterhead=letterhead,
        department=" ".join(p for p in (department.code, department.name, department.name_en) if p),
        period=f"{sheet.month} ({sheet.first.isoformat()} – {sheet.last.isoformat()})",
        closed=local_datetime(close.closed_at, company_settings().timezone),
        days=sheet.days, holidays=tuple(d in sheet.holidays for d in sheet.days),
        lines=tuple(_line(sheet, row) for row in sheet.rows), signature_labels=labels)


def sheet_subject(close: PeriodClose) -> Subject:
    department = close.department
    return Subject(key=sheet_subject_key(department, close.starts_on),
                   label=f"{department.code} {department.name} {close.starts_on:%Y-%m}"[:160],
                   department_id=department.id, source_id=close.id, period_start_on=close.starts_on,
                   period_end_on=close.ends_on)


def find_sheet(args) -> PeriodClose:
    """`report attendance-sheet DEPT_CODE YYYY-MM`: the department's closed attendance month."""
    first = rules.parse_month(args[1])
    if first is None:
        raise RecordNotFound(f"{args[1]} is not a month (YYYY-MM)")
    close = db.session.scalar(
        sa.select(PeriodClose).join(Department, Department.id == PeriodClose.department_id)
        .where(Department.code == args[0].strip().upper(), PeriodClose.module == MODULE,
               PeriodClose.period_kind == MONTH, PeriodClose.starts_on == first))
    if close is None:
        raise RecordNotFound(f"The attendance of {args[0]} for {args[1]} is not closed: close the month first")
    return close


SHEET_FIELDS = {
    "department": _l("Department"), "period": _l("Month"), "closed": _l("Closed"), "days": _l("Days"),
    "holidays": _l("Public holidays"), "lines": _l("People"), "marks": _l("Marks"), "totals": _l("Totals"),
    "leave": _l("Leave"),
}

ATTENDANCE_SHEET = ReportType(
    kind=SHEET_KIND, name="attendance-sheet", prefix="AS", title=TITLE, slots=(
        SlotSpec("部门经理 Department head", "head", "考勤确认 Attendance confirmed by the department head"),
        SlotSpec("人事部 HR", "record_issuer", "考勤审核 Attendance reviewed by HR"),
    ),
    model=PeriodClose, subject=sheet_subject, data=sheet_pdf_data, builder=build_sheet_pdf, find=find_sheet,
    cli_args="DEPT_CODE YYYY-MM", may_issue=may_issue_sheet, may_view=may_view_sheet, view_scope=sheet_scope,
    refusal=sheet_refusal,
    back_endpoint=lambda close: ("attendance_sheet.show_sheet",
                                 {"code": close.department.code, "month": f"{close.starts_on:%Y-%m}"}),
    field_labels=SHEET_FIELDS)
