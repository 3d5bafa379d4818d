"""The sheet as a spreadsheet, and the month's payroll export (CSV and XLSX), both from `Sheet` on the one
table writer (hrapp.core.sheets).

Never both a pay cut and a fine: when lateness goes to the code of conduct (PenaltyRoute.CONDUCT), the
deduction columns stay 0 and a note says the conduct module handles it; when it goes to payroll, they carry
the minutes and days to deduct.
"""
from collections.abc import Iterable
from decimal import Decimal

from flask_babel import gettext as _

from hrapp.core.sheets import Table

from .rules import HOLIDAY, OVERTIME_KINDS, REST_DAY, WORKDAY, ZERO
from .services import Sheet

TENTH = Decimal("0.1")


def overtime_headers() -> dict[str, str]:
    return {WORKDAY: _("Overtime on working days (h)"), REST_DAY: _("Overtime on rest days (h)"),
            HOLIDAY: _("Overtime on public holidays (h)")}


def total_headers(sheet: Sheet) -> list[str]:
    """The totals' column names, the sheet's leave types among them."""
    return [_("Days worked"), _("Late (times)"), _("Late (minutes)"), _("Left early (times)"),
            _("Left early (minutes)"), _("Absences (days)"), _("Missing punches"),
            *(_("%(type)s (days)", type=t.name) for t in sheet.leave_types),
            *overtime_headers().values(), _("Rest owed (days)")]


def total_values(sheet: Sheet, row) -> list:
    t = row.totals
    return [t.worked_days, t.late_count, t.late_minutes, t.early_count, t.early_minutes, t.absences,
            t.missing_punches, *(t.leave_of(lt.code) for lt in sheet.leave_types),
            *(t.overtime_hours(kind) for kind in OVERTIME_KINDS), t.rest_owed]


def sheet_table(sheet: Sheet) -> Table:
    """One row per person: staff number, name, a mark per day (leave as 假, whatever its type), the totals."""
    headers = [_("Staff number"), _("Name"), *(str(d.day) for d in sheet.days), *total_headers(sheet)]
    rows = [[row.staff_number, row.name,
             *(c.mark or None for c in row.cells),
             *total_values(sheet, row)] for row in sheet.rows]
    return Table(f"{sheet.department_code} {sheet.month}"[:31], headers, rows)


def payroll_headers() -> list[str]:
    return [_("Staff number"), _("Name"), _("Department"), _("Days worked"), _("Paid leave (days)"),
            _("Unpaid leave (days)"), _("Absences (days)"), _("Late (minutes)"), _("Left early (minutes)"),
            *overtime_headers().values(), _("Rest owed (days)"), _("Deduct late (minutes)"),
            _("Deduct left early (minutes)"), _("Deduct absences (days)"), _("Note")]


def payroll_table(sheets: Iterable[Sheet], by_conduct: bool, month: str) -> Table:
    """The month's payroll lines, one per person and department they worked in."""
    rows = []
    # the unsaved default settings row carries no route yet: the model's default, conduct
    note = _("Handled by the code of conduct") if by_conduct else ""
    for sheet in sheets:
        paid = {t.code for t in sheet.leave_types if t.paid}
        for row in sheet.rows:
            t = row.totals
            paid_days = sum((n for code, n in t.leave_days if code in paid), ZERO).quantize(TENTH)
            deductions = [0, 0, 0] if by_conduct else [t.late_minutes, t.early_minutes, t.absences]
            rows.append([row.staff_number, row.name, sheet.department_code, t.worked_days, paid_days,
                         (t.leave_total - paid_days).quantize(TENTH), t.absences, t.late_minutes, t.early_minutes,
                         *(t.overtime_hours(kind) for kind in OVERTIME_KINDS), t.rest_owed.quantize(TENTH), *deductions,
                         note])
    return Table(_("Payroll %(month)s", month=month)[:31], payroll_headers(), rows)
