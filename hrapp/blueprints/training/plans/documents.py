"""The signed training plan through the report registry: an approved plan, compiled by the department's head
(who signs first) and approved by HR (who issues it and signs last). `report training-plan DEPT_CODE YEAR`."""
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.blueprints.training.access import TrainingPerm, can_manage_training
from hrapp.company import company_settings
from hrapp.core.localtime import local_datetime
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Department, IssuedDocument, PlanStatus, TrainingPlan
from hrapp.permissions import department_scope, has_perm, heads_department, sees_everything

from .pdf import TITLE, PlanLine, PlanPdfData, build_plan_pdf
from .queries import plan_view

PLAN_KIND = "training_plan"
SOURCE_TEXT = {"required": "岗位要求 Required", "new_hires": "新员工 New hires", "need": "培训需求 Needs",
               "free": "自定 Free entry"}


def _money(value: Decimal) -> str:
    return f"{Decimal(value):,.2f}"


def _hours(value: Decimal) -> str:
    return f"{Decimal(value):,.1f}"


def may_issue_plan(user, plan: TrainingPlan) -> bool:
    """HR issues (and signs last) the signed plan."""
    return can_manage_training(user)


def may_view_plan_document(user, doc: IssuedDocument) -> bool:
    """The department's heads and HR."""
    if sees_everything(user):
        return True
    department = doc.subject_department
    return department is not None and has_perm(user, TrainingPerm.LEAD) and heads_department(user, department)


def plan_document_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of may_view_plan_document on IssuedDocument."""
    if sees_everything(user):
        return sa.true()
    scope = department_scope(user) if has_perm(user, TrainingPerm.LEAD) else frozenset()
    return IssuedDocument.subject_department_id.in_(scope) if scope else sa.false()


def plan_refusal(plan: TrainingPlan) -> str | None:
    if plan.status != PlanStatus.APPROVED:
        return str(_l("Only an approved plan can be issued: HR approves it first."))
    return None


def _line(item) -> PlanLine:
    what = f"{item.course.code} {item.course.title}" if item.course else item.title
    return PlanLine(f"Q{item.quarter}", what, SOURCE_TEXT.get(item.source.value, item.source.value), str(item.people),
                    _hours(item.hours), _hours(item.people * item.hours), _money(item.cost), item.note)


def plan_pdf_data(plan: TrainingPlan, letterhead, labels: tuple[str, ...]) -> PlanPdfData:
    """The plan as it stands (the same items and totals the page shows)."""
    view, department = plan_view(plan), plan.department
    totals = view.totals
    over = []
    if totals.hours_over:
        over.append(f"超出预算人时 Over the budget hours by {_hours(totals.hours_over)}")
    if totals.cost_over:
        over.append(f"超出预算费用 Over the budget cost by {_money(totals.cost_over)}")
    approved = local_datetime(plan.decided_at, company_settings().timezone) if plan.decided_at else ""
    return PlanPdfData(
        letterhead=letterhead, department=" ".join(p for p in (department.code, department.name, department.name_en)
                                                   if p),
        year=str(plan.year), status=label(plan.status), approved=approved,
        lines=tuple(_line(i) for q in view.quarters.values() for i in q),
        quarter_totals=tuple((f"Q{q}", _hours(t.person_hours), _money(t.cost)) for q, t in totals.quarters.items()),
        total_hours=_hours(totals.year.person_hours), total_cost=_money(totals.year.cost),
        budget_hours=_hours(plan.budget_hours), budget_cost=_money(plan.budget_cost), over="; ".join(over),
        note=plan.note, signature_labels=labels)


def plan_subject(plan: TrainingPlan) -> Subject:
    department = plan.department
    return Subject(key=f"{PLAN_KIND}:{department.id}:{plan.year}",
                   label=f"{department.code} {department.name} {plan.year}"[:160], department_id=department.id,
                   source_id=plan.id)


def find_plan(args) -> TrainingPlan:
    """`report training-plan DEPT_CODE YEAR`: the department's plan of that year."""
    if len(args) != 2 or not args[1].strip().isdigit():
        raise RecordNotFound("Give a department code and a year, e.g. FO 2026")
    plan = db.session.scalar(sa.select(TrainingPlan).join(Department, Department.id == TrainingPlan.department_id)
                             .where(Department.code == args[0].strip().upper(), TrainingPlan.year == int(args[1])))
    if plan is None:
        raise RecordNotFound(f"{args[0]} has no training plan for {args[1]}")
    return plan


PLAN_FIELDS = {
    "department": _l("Department"), "year": _l("Year"), "status": _l("Status"), "approved": _l("Approved"),
    "lines": _l("Items"), "quarter_totals": _l("Totals per quarter"), "total_hours": _l("Person-hours"),
    "total_cost": _l("Cost (yuan)"), "budget_hours": _l("Budget person-hours"),
    "budget_cost": _l("Budget cost (yuan)"), "over": _l("Over budget"), "note": _l("Note"),
}

TRAINING_PLAN = ReportType(
    kind=PLAN_KIND, name="training-plan", prefix="TP", title=TITLE, slots=(
        SlotSpec("部门经理 Department head", "head", "编制 Training plan compiled by the department head"),
        SlotSpec("人事部 HR", "record_issuer", "批准 Training plan approved by HR"),
    ),
    model=TrainingPlan, subject=plan_subject, data=plan_pdf_data, builder=build_plan_pdf, find=find_plan,
    cli_args="DEPARTMENT YEAR", may_issue=may_issue_plan, may_view=may_view_plan_document,
    view_scope=plan_document_scope, refusal=plan_refusal,
    back_endpoint=lambda plan: ("training_plans.show_plan", {"plan_id": plan.id}), field_labels=PLAN_FIELDS)
