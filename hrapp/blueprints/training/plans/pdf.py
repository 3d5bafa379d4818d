"""年度培训计划 Annual training plan: one department's approved plan on A4 — the facts, the items by quarter with
their person-hours and cost, the totals against the budget, and the signatures (the head, then HR)."""
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Spacer

from hrapp.blueprints.reports.pdf.document import MARGIN, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import data_table, field_table, para

TITLE = "年度培训计划 Annual training plan"
WIDTH = A4[0] - 2 * MARGIN
HEADER = ("季度 Q", "课程 / 项目 Course or title", "来源 Source", "人数 People", "课时 Hours", "人时 Person-hours",
          "费用 Cost", "备注 Note")
WIDTHS = (0.07, 0.27, 0.13, 0.08, 0.08, 0.11, 0.11, 0.15)


@dataclass(frozen=True)
class PlanLine:
    """One item as text."""

    quarter: str
    what: str
    source: str
    people: str
    hours: str
    person_hours: str
    cost: str
    note: str = ""


@dataclass(frozen=True)
class PlanPdfData:
    """A plan as text, prepared by documents.plan_pdf_data (no ORM objects)."""

    letterhead: Letterhead
    department: str
    year: str
    status: str
    approved: str
    lines: tuple[PlanLine, ...]
    quarter_totals: tuple[tuple[str, str, str], ...]  # (quarter, person-hours, cost)
    total_hours: str
    total_cost: str
    budget_hours: str
    budget_cost: str
    over: str
    note: str = ""
    signature_labels: tuple[str, ...] = ("部门经理 Department head", "人事部 HR")


def build_plan_pdf(data: PlanPdfData) -> BuiltPdf:
    """Lay out the plan: facts, items by quarter, totals per quarter and for the year against the budget."""
    pairs = [("部门 Department", data.department), ("年度 Year", data.year), ("状态 Status", data.status),
             ("批准 Approved", data.approved), ("预算人时 Budget person-hours", data.budget_hours),
             ("预算费用 Budget cost", data.budget_cost)]
    rows = [(line.quarter, line.what, line.source, line.people, line.hours, line.person_hours, line.cost, line.note)
            for line in data.lines]
    story: list = [field_table(pairs, WIDTH, columns=2), Spacer(0, 8)]
    if rows:
        story.append(data_table(HEADER, rows, WIDTHS, WIDTH))
    else:
        story.append(para("本计划无项目 The plan has no items.", "note"))
    totals = [*data.quarter_totals, ("全年 Year", data.total_hours, data.total_cost)]
    story += [Spacer(0, 8), para("合计 Totals", "cell_head"),
              data_table(("季度 Quarter", "人时 Person-hours", "费用 Cost"), totals, (0.3, 0.35, 0.35), WIDTH)]
    if data.over:
        story += [Spacer(0, 4), para(data.over, "body")]
    if data.note:
        story += [Spacer(0, 4), para(f"备注 Note: {data.note}", "note")]
    return render(data.letterhead, story, data.signature_labels)
