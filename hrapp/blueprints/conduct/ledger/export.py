"""The month's payroll export (XLSX and CSV through hrapp.core.sheets): one row per person with records on the
ledger, flagged people first, amounts as Decimal, headers in the UI language. The page and the CLI share it."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.core.periods import Period
from hrapp.core.sheets import Table, csv_bytes, workbook_bytes
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Department, StaffMember
from hrapp.naming import display_name

from . import rules
from .labels import STATUSES, flag_text
from .queries import compute_ledger, month_people

ORDER = {rules.FLAGGED: 0, rules.ACCEPTED: 1, rules.OK: 2}


def headers() -> list[str]:
    """The export's column headers, translated."""
    return [_("Staff number"), _("Full name"), _("Department"), _("Fines"), _("Compensation"), _("Deductions"),
            _("Rewards"), _("Net"), _("Points deducted"), _("Monthly wage"), _("Guard rail"), _("Resolution"),
            _("Resolution reason")]


def ledger_table(month: Period, people: sa.ColumnElement[bool] | None = None) -> Table:
    """The ledger of `month` for the people `people` selects (everyone by default) as a table."""
    people = sa.true() if people is None else people
    ledger = compute_ledger(month, people)
    staff = db.session.execute(
        sa.select(StaffMember.id, StaffMember.staff_number, StaffMember.name_zh, Department)
        .join(Department, Department.id == StaffMember.department_id)
        .where(month_people(month.name), people)).all()
    rows = []
    for staff_id, number, name, department in staff:
        line = ledger.lines.get(staff_id)
        if line is None:
            continue
        f, resolution = line.figures, line.resolution
        guard = str(STATUSES[line.status]) + (f" ({flag_text(line.flags)})" if line.flags else "")
        rows.append((ORDER[line.status], department.code, number, [
            number, name, display_name(department), f.fines, f.compensation, f.deductions, f.rewards, f.net,
            f.points, line.wage, guard, label(resolution.kind) if resolution else "",
            resolution.reason if resolution else ""]))
    rows.sort(key=lambda r: r[:3])
    return Table(month.name, headers(), [r[3] for r in rows])


def ledger_xlsx(table: Table) -> bytes:
    """The table as an XLSX workbook."""
    return workbook_bytes(table)


def ledger_csv(table: Table) -> bytes:
    """The table as CSV (UTF-8 with a BOM)."""
    return csv_bytes(table)
