"""What the plan and need pages read: the lists (scoped by training/access.py, filtered, paged), the choices of
the forms, a plan's items by quarter with its totals."""
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.blueprints.training.access import TrainingPerm, can_manage_training, leads_department, plan_scope
from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    Course,
    Department,
    NeedSource,
    NeedStatus,
    PlanItem,
    PlanStatus,
    TrainingNeed,
    TrainingPlan,
)
from hrapp.naming import display_name
from hrapp.permissions import department_scope, has_perm, sees_everything, visible_departments

from . import rules


def _year(value: str) -> int:
    year = int(value)
    if not 2000 <= year <= 2100:
        raise ValueError(value)
    return year


PLANS = Listing(
    sorts={"year": TrainingPlan.year, "department": Department.code, "status": TrainingPlan.status},
    default_sort="-year", tiebreak=(Department.code, TrainingPlan.id),
    filters=(Filter("year", lambda q, y: q.where(TrainingPlan.year == y), parse=_year, max_length=10),
             Filter("department", lambda q, d: q.where(TrainingPlan.department_id.in_(department_subtree_ids(d))),
                    parse=positive_int, max_length=18),
             Filter("status", lambda q, s: q.where(TrainingPlan.status == s), parse=PlanStatus, max_length=20)),
)

NEEDS = Listing(
    sorts={"raised": TrainingNeed.created_at, "department": Department.code, "status": TrainingNeed.status},
    default_sort="-raised", tiebreak=(TrainingNeed.id.desc(),),
    filters=(Filter("status", lambda q, s: q.where(TrainingNeed.status == s), parse=NeedStatus, max_length=20),
             Filter("source", lambda q, s: q.where(TrainingNeed.source == s), parse=NeedSource, max_length=20),
             Filter("department", lambda q, d: q.where(TrainingNeed.department_id.in_(department_subtree_ids(d))),
                    parse=positive_int, max_length=18),
             Filter("q", lambda q, v: q.where(TrainingNeed.topic.like(f"%{like_escape(v)}%", escape="\\")),
                    max_length=40)),
)


def plans_query(user) -> sa.Select:
    """The plans `user` sees (HR all, heads their departments')."""
    return (sa.select(TrainingPlan).join(Department, Department.id == TrainingPlan.department_id)
            .options(joinedload(TrainingPlan.department)).where(plan_scope(user)))


def need_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of access.can_view_need: HR all, heads their departments' needs."""
    if sees_everything(user):
        return sa.true()
    if has_perm(user, TrainingPerm.LEAD):
        return TrainingNeed.department_id.in_(department_scope(user))
    return sa.false()


def needs_query(user) -> sa.Select:
    return (sa.select(TrainingNeed).join(Department, Department.id == TrainingNeed.department_id)
            .options(joinedload(TrainingNeed.department), joinedload(TrainingNeed.staff),
                     joinedload(TrainingNeed.course)).where(need_scope(user)))


def dismiss_reasons(needs) -> dict[int, str]:
    """Need id -> the reason it was dismissed with (kept in the audit trail), for the dismissed ones listed."""
    ids = [n.id for n in needs if n.status == NeedStatus.DISMISSED]
    if not ids:
        return {}
    rows = db.session.execute(sa.select(AuditEntry.target_id, AuditEntry.after).where(
        AuditEntry.action == "training.need_dismiss", AuditEntry.target_type == "TrainingNeed",
        AuditEntry.target_id.in_(ids)).order_by(AuditEntry.id))
    return {target_id: (after or {}).get("reason", "") for target_id, after in rows}


def led_departments(user) -> list[Department]:
    """The departments whose plans and needs `user` runs (HR every one), in tree order."""
    return [d for d in visible_departments(user) if leads_department(user, d)]


def department_choices(user) -> list[tuple[int, str]]:
    return [(d.id, f"{d.code} {display_name(d)}") for d in led_departments(user)]


def course_choices(current_id: int | None = None) -> list[tuple]:
    """Active courses (and the item's present one even if retired), with "none" first."""
    courses = db.session.scalars(sa.select(Course).where(sa.or_(Course.active.is_(True), Course.id == current_id))
                                 .order_by(Course.code)).all()
    return [(None, "—")] + [(c.id, f"{c.code} {c.title}") for c in courses]


def may_choose_department(user, department_id: int | None) -> Department | None:
    department = db.session.get(Department, department_id) if department_id else None
    return department if department is not None and leads_department(user, department) else None


@dataclass(frozen=True)
class PlanView:
    """A plan's items by quarter (1..4) and its totals against the budget."""

    quarters: dict[int, list[PlanItem]]
    totals: rules.PlanTotals


def plan_view(plan: TrainingPlan) -> PlanView:
    items = db.session.scalars(sa.select(PlanItem).options(joinedload(PlanItem.course))
                               .where(PlanItem.plan_id == plan.id).order_by(PlanItem.quarter, PlanItem.id)).all()
    quarters = {q: [i for i in items if i.quarter == q] for q in rules.QUARTERS}
    totals = rules.plan_totals((rules.Line(i.quarter, i.people, i.hours, i.cost) for i in items),
                               plan.budget_hours, plan.budget_cost)
    return PlanView(quarters, totals)


def can_change_plan(user, plan: TrainingPlan) -> bool:
    """Items and budget: whoever runs the department's training, while the plan is a draft or returned."""
    return leads_department(user, plan.department) and rules.is_editable(plan.status)


def can_issue_plan(user, plan: TrainingPlan) -> bool:
    return can_manage_training(user) and plan.status == PlanStatus.APPROVED
