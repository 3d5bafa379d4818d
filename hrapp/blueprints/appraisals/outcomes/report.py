"""The department report: per department in a cycle, how many results, their mean total, the grade
distribution against the cycle's calibration guide, and the rewards, training needs and improvement plans
confirmed; its chart, its table and its CSV / XLSX export read the same rows."""
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager

from hrapp.blueprints.appraisals import rules as appraisal_rules
from hrapp.blueprints.appraisals.access import result_scope
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.core.sheets import Table
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Appraisal, AppraisalCycle, AppraisalOutcome, Department, Grade, OutcomeKind, OutcomeStatus
from hrapp.naming import display_name

from . import rules

GRADES = [Grade(g) for g in appraisal_rules.GRADES]


@dataclass
class DepartmentRow:
    """One department's line of the report."""

    department: Department
    totals: list = field(default_factory=list)
    grades: dict = field(default_factory=lambda: {grade: 0 for grade in GRADES})
    confirmed: dict = field(default_factory=lambda: {kind: 0 for kind in OutcomeKind})
    spread: appraisal_rules.Distribution | None = None

    @property
    def count(self) -> int:
        return len(self.totals)

    @property
    def mean(self) -> Decimal | None:
        return rules.mean(self.totals)


def department_rows(user, cycle: AppraisalCycle, department_id: int | None = None) -> list[DepartmentRow]:
    """The report's rows for `cycle` over the results `user` may see (result_scope), by department code."""
    query = (sa.select(Appraisal).join(Appraisal.department).options(contains_eager(Appraisal.department))
             .where(Appraisal.cycle_id == cycle.id, Appraisal.staff_id.is_not(None), Appraisal.grade.is_not(None),
                    result_scope(user)))
    if department_id is not None:
        query = query.where(Appraisal.department_id.in_(department_subtree_ids(department_id)))
    rows: dict[int, DepartmentRow] = {}
    appraisal_department = {}
    for appraisal in db.session.scalars(query.order_by(Department.code, Appraisal.id)):
        row = rows.setdefault(appraisal.department_id, DepartmentRow(appraisal.department))
        row.totals.append(appraisal.total)
        row.grades[appraisal.grade] += 1
        appraisal_department[appraisal.id] = appraisal.department_id
    confirmed = db.session.execute(
        sa.select(AppraisalOutcome.appraisal_id, AppraisalOutcome.kind)
        .where(AppraisalOutcome.appraisal_id.in_(list(appraisal_department)),
               AppraisalOutcome.status == OutcomeStatus.CONFIRMED))
    for appraisal_id, kind in confirmed:
        rows[appraisal_department[appraisal_id]].confirmed[kind] += 1
    for row in rows.values():
        row.spread = appraisal_rules.distribution([g.value for g, n in row.grades.items() for _i in range(n)],
                                                  cycle.guide_top, cycle.guide_middle, cycle.guide_bottom)
    return list(rows.values())


def headers() -> list[str]:
    """The report's column headings (the table, the chart's table and the export)."""
    return [_("Department"), _("People"), _("Mean total"), *(str(label(g)) for g in GRADES),
            _("Top grade share"), _("Bottom grade share"), _("Rewards proposed"), _("Training needs"),
            _("Improvement plans")]


def cells(row: DepartmentRow) -> list:
    """One row's cells, in `headers()` order (numbers as Decimals and ints)."""
    return [f"{row.department.code} {display_name(row.department)}", row.count, row.mean,
            *(row.grades[g] for g in GRADES), row.spread.share(appraisal_rules.TOP),
            row.spread.share(appraisal_rules.BOTTOM), row.confirmed[OutcomeKind.REWARD],
            row.confirmed[OutcomeKind.TRAINING], row.confirmed[OutcomeKind.IMPROVEMENT]]


def export_table(cycle: AppraisalCycle, rows: list[DepartmentRow]) -> Table:
    """The report as a sheet (hrapp.core.sheets: CSV or XLSX)."""
    return Table(title=cycle.name[:31], headers=headers(), rows=[cells(row) for row in rows])


def grade_chart(rows: list[DepartmentRow]) -> dict:
    """Results per grade by department (stacked bars) and the table behind it."""
    names = [row.department.code for row in rows]
    option = {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 40, "right": 10, "top": 40, "bottom": 30},
        "xAxis": {"type": "category", "data": names},
        "yAxis": {"type": "value", "name": _("People"), "minInterval": 1},
        "series": [{"name": str(label(grade)), "type": "bar", "stack": "grades",
                    "data": [row.grades[grade] for row in rows]} for grade in GRADES],
    }
    return {"option": option, "headers": [_("Department"), *(str(label(g)) for g in GRADES)],
            "rows": [[row.department.code, *(row.grades[g] for g in GRADES)] for row in rows],
            "caption": _("Grades by department")}


def trend_chart(appraisals: list[Appraisal]) -> dict:
    """A person's totals across cycles (a line) and the table behind it."""
    names = [appraisal.cycle.name for appraisal in appraisals]
    totals = [float(appraisal.total) for appraisal in appraisals]
    option = {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 40, "right": 10, "top": 20, "bottom": 30},
        "xAxis": {"type": "category", "data": names},
        "yAxis": {"type": "value", "name": _("Total"), "min": 0, "max": 100},
        "series": [{"name": _("Total"), "type": "line", "data": totals}],
    }
    return {"option": option, "headers": [_("Cycle"), _("Total"), _("Grade")],
            "rows": [[a.cycle.name, a.total, label(a.grade) if a.grade else "—"] for a in appraisals],
            "caption": _("Totals across cycles")}
