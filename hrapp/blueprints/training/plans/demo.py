"""What seed-demo adds for training plans: for every department a plan for the current year, filled from the
sources (free items when the sources give nothing, e.g. no courses yet), submitted and approved by the demo HR;
then a few open training needs, some from quality monitoring. Idempotent: a department's existing plan and
needs already raised (by their demo reference) are left as they are."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Department, NeedSource, PlanStatus, StaffMember, User

from .needs import raise_need
from .services import ItemDraft, add_item, create_plan, fill_from_sources, find_plan, take_step

FREE_ITEMS = (  # (quarter, title, hours, cost)
    (2, "服务意识与礼仪提升", "4", "1200.00"),
    (3, "消防安全演练", "2", "600.00"),
)
NEEDS = (  # (topic, source)
    ("宾客投诉处理技巧", NeedSource.QUALITY),
    ("仪容仪表规范", NeedSource.QUALITY),
    ("新系统操作培训", NeedSource.MANUAL),
)


def _compiler(department: Department, hr: User) -> User:
    """The department's first enabled head (who compiles the plan), else HR."""
    return next((u for u in department.heads if u.is_enabled), hr)


def _plan_for(department: Department, year: int, hr: User) -> bool:
    """The department's approved plan of `year`; False when it already had one."""
    if find_plan(department, year) is not None:
        return False
    head = _compiler(department, hr)
    plan = create_plan(head, department, year, Decimal("400.0"), Decimal("20000.00"), "演示：年度培训计划")
    fill_from_sources(head, plan, plan.version_id)
    if not plan.items:
        for quarter, title, hours, cost in FREE_ITEMS:
            people = max(1, db.session.scalar(sa.select(sa.func.count(StaffMember.id))
                                              .where(StaffMember.department_id == department.id)) or 0)
            add_item(head, plan, ItemDraft(quarter, None, title, people, Decimal(hours), Decimal(cost)))
    take_step(head, plan, "submit", plan.version_id)
    take_step(hr, plan, "approve", plan.version_id)
    return plan.status == PlanStatus.APPROVED


def seed_demo(report) -> None:
    """A plan per department (approved) and a few open needs; counts on the report."""
    hr, year = report.users["hr"], report.today.year
    departments = db.session.scalars(sa.select(Department).order_by(Department.path)).all()
    plans = sum(1 for d in departments if _plan_for(d, year, hr))
    needs = 0
    for index, department in enumerate(departments[:4]):
        topic, source = NEEDS[index % len(NEEDS)]
        staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.department_id == department.id)
                                  .order_by(StaffMember.id).limit(1))
        raise_need(department, topic, hr, staff=staff, source=source, source_ref=f"demo:{department.code}:{index}")
        needs += 1
    db.session.flush()
    report.counts.update(training_plans=plans, training_needs=needs)
    report.summary.append(f"Training plans: {plans} approved plans for {year}, {needs} open training needs.")
