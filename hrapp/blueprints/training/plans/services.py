"""Plans and their items: create a plan (one per department and year), change its budget, add / change / remove
items while it is a draft or returned, fill it from the sources (building.py). Never commits; the actor is passed
in; every change audited. Changing an item also moves the plan's version, so a decision taken on a page that showed
other items is refused as stale."""
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.attributes import flag_modified

from hrapp import audit
from hrapp.core import workflow
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Course, Department, NeedStatus, PlanItem, PlanSource, TrainingNeed, TrainingPlan, utcnow

from . import building, rules
from .versions import flush_versioned
from .workflow import PLAN_WORKFLOW

PLAN_FIELDS = ("department_id", "year", "budget_hours", "budget_cost", "note")
ITEM_FIELDS = ("quarter", "course_id", "title", "source", "people", "hours", "cost", "note")
MESSAGES = {
    "duplicate": _l("This department already has a plan for that year."),
    "year": _l("The year is from 2000 to 2100."),
    "budget": _l("Budgets are from 0 up (hours to 99999.9, cost to 99999999.99)."),
    "not_editable": _l("The plan can only be changed while it is a draft or returned."),
    "what": _l("Choose a course or give a title."),
    "quarter": _l("The quarter is 1, 2, 3 or 4."),
    "people": _l("People is a whole number from 0 to 100000."),
    "hours": _l("Hours per person is from 0 to 9999.9."),
    "cost": _l("The cost is from 0 to 99999999.99."),
}
unique_field("training_plan_once", "year", MESSAGES["duplicate"])


@dataclass(frozen=True)
class ItemDraft:
    """An item as entered: `course` or a free `title`, in `quarter`, `people` × `hours` each, costing `cost`."""

    quarter: int | None
    course: Course | None
    title: str
    people: int | None
    hours: Decimal | None
    cost: Decimal | None
    note: str = ""


def _label(plan: TrainingPlan) -> str:
    return f"{plan.department.code} {plan.year}"


def _check_budget(year, budget_hours, budget_cost) -> None:
    errors = {}
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = [MESSAGES["year"]]
    if budget_hours is None or not Decimal("0") <= budget_hours <= Decimal("99999.9"):
        errors["budget_hours"] = [MESSAGES["budget"]]
    if budget_cost is None or not Decimal("0") <= budget_cost <= Decimal("99999999.99"):
        errors["budget_cost"] = [MESSAGES["budget"]]
    if errors:
        raise ValidationFailed(errors)


def find_plan(department: Department, year: int) -> TrainingPlan | None:
    return db.session.scalar(db.select(TrainingPlan).where(TrainingPlan.department_id == department.id,
                                                           TrainingPlan.year == year))


def create_plan(actor, department: Department, year: int, budget_hours: Decimal, budget_cost: Decimal,
                note: str = "") -> TrainingPlan:
    """A draft plan of `department` for `year`.

    :raise ValidationFailed: the year or a budget out of range, or the department already has that year's plan
        (`year`; a lost race on the unique constraint answers the same through `duplicates_refused`).
    """
    _check_budget(year, budget_hours, budget_cost)
    if find_plan(department, year) is not None:
        raise ValidationFailed.single("year", MESSAGES["duplicate"])
    plan = TrainingPlan(department_id=department.id, year=year, budget_hours=budget_hours,
                        budget_cost=budget_cost, note=(note or "").strip(), created_by_id=getattr(actor, "id", None))
    db.session.add(plan)
    db.session.flush()
    audit.record(actor, "training.plan_create", plan, None, audit.snapshot(plan, PLAN_FIELDS), label=_label(plan))
    return plan


def ensure_editable(plan: TrainingPlan) -> None:
    """:raise ValidationFailed: the plan is submitted or approved (`_form`)."""
    if not rules.is_editable(plan.status):
        raise ValidationFailed.single("_form", MESSAGES["not_editable"])


def update_plan(actor, plan: TrainingPlan, budget_hours: Decimal, budget_cost: Decimal, note: str,
                expected_version: int | None) -> TrainingPlan:
    """Change the budget and the note of a draft or returned plan.

    :raise StaleRecord: the plan changed since the page was loaded.
    :raise ValidationFailed: not editable now, or a budget out of range.
    """
    check_version(plan, expected_version)
    ensure_editable(plan)
    _check_budget(plan.year, budget_hours, budget_cost)
    before = audit.snapshot(plan, PLAN_FIELDS)
    plan.budget_hours, plan.budget_cost, plan.note = budget_hours, budget_cost, (note or "").strip()
    flush_versioned()
    changed_before, changed_after = audit.changed_only(before, audit.snapshot(plan, PLAN_FIELDS))
    if changed_after:
        audit.record(actor, "training.plan_update", plan, changed_before, changed_after, label=_label(plan))
    return plan


def _touch(plan: TrainingPlan) -> None:
    """Move the plan's version with its items (a conditional UPDATE: a concurrent change of it is stale)."""
    flag_modified(plan, "note")
    flush_versioned()


def _check_item(draft: ItemDraft) -> None:
    rules.check_item(draft.quarter, draft.people, draft.hours, draft.cost, draft.course is not None, draft.title,
                     MESSAGES)


def add_item(actor, plan: TrainingPlan, draft: ItemDraft, source: PlanSource = PlanSource.FREE) -> PlanItem:
    """Add an item to a draft or returned plan.

    :raise ValidationFailed: not editable now, or the item's figures (see rules.item_problems).
    """
    ensure_editable(plan)
    _check_item(draft)
    item = PlanItem(plan=plan, quarter=draft.quarter, course_id=draft.course.id if draft.course else None,
                    title=draft.title.strip()[:160], source=source, people=draft.people, hours=draft.hours,
                    cost=draft.cost, note=draft.note.strip()[:255])
    db.session.add(item)
    _touch(plan)
    audit.record(actor, "training.plan_item_add", item, None, audit.snapshot(item, ITEM_FIELDS), label=_label(plan))
    return item


def update_item(actor, item: PlanItem, draft: ItemDraft, expected_version: int | None) -> PlanItem:
    """Change an item of a draft or returned plan.

    :raise StaleRecord: the item changed since the page was loaded.
    :raise ValidationFailed: not editable now, or the item's figures.
    """
    check_version(item, expected_version)
    ensure_editable(item.plan)
    _check_item(draft)
    before = audit.snapshot(item, ITEM_FIELDS)
    item.quarter, item.course_id = draft.quarter, draft.course.id if draft.course else None
    item.title, item.people, item.hours = draft.title.strip()[:160], draft.people, draft.hours
    item.cost, item.note = draft.cost, draft.note.strip()[:255]
    _touch(item.plan)
    changed_before, changed_after = audit.changed_only(before, audit.snapshot(item, ITEM_FIELDS))
    if changed_after:
        audit.record(actor, "training.plan_item_update", item, changed_before, changed_after,
                     label=_label(item.plan))
    return item


def remove_item(actor, item: PlanItem, expected_version: int | None) -> None:
    """Remove an item of a draft or returned plan; the needs it had taken in are open again.

    :raise StaleRecord / ValidationFailed: as `update_item`.
    """
    check_version(item, expected_version)
    plan = item.plan
    ensure_editable(plan)
    before = audit.snapshot(item, ITEM_FIELDS)
    audit.record(actor, "training.plan_item_remove", item, before, None, label=_label(plan))
    for need in db.session.scalars(db.select(TrainingNeed).where(TrainingNeed.plan_item_id == item.id)):
        need.status, need.plan_item_id = NeedStatus.OPEN, None
    plan.items.remove(item)
    db.session.delete(item)
    _touch(plan)


def _take_needs(item: PlanItem, need_ids: tuple[int, ...]) -> None:
    for need in db.session.scalars(db.select(TrainingNeed).where(TrainingNeed.id.in_(need_ids))):
        need.status, need.plan_item_id = NeedStatus.PLANNED, item.id


def fill_from_sources(actor, plan: TrainingPlan, expected_version: int | None) -> list[PlanItem]:
    """Add what the sources propose (building.draft_items) that the plan does not hold yet: an item from a source
    is never added twice; a need for a course (or topic) the plan already plans for joins that item. The needs
    taken in turn PLANNED. Returns the items added or grown.

    :raise StaleRecord: the plan changed since the page was loaded (or is being filled at the same time).
    :raise ValidationFailed: the plan is not editable now.
    """
    check_version(plan, expected_version)
    ensure_editable(plan)
    have = {building.source_key(i.source, i.course_id, i.title, i.quarter): i for i in plan.items}
    touched = []
    for draft in building.draft_items(plan.department, plan.year):
        item = have.get(draft.key)
        if item is None:
            item = PlanItem(plan=plan, quarter=draft.quarter, course_id=draft.course_id, title=draft.title,
                            source=draft.source, people=draft.people, hours=draft.hours, note=draft.note)
            db.session.add(item)
        elif draft.source == PlanSource.NEED:
            item.people += draft.people
        else:
            continue
        db.session.flush()
        _take_needs(item, draft.need_ids)
        touched.append(item)
    if touched:  # nothing new from the sources: nothing written
        _touch(plan)
        audit.record(actor, "training.plan_fill", plan, None,
                     {"items": [f"{label_source(i)} Q{i.quarter} × {i.people}" for i in touched]},
                     label=_label(plan))
    return touched


def label_source(item: PlanItem) -> str:
    """The item's course code or title (the audit trail's short name of it)."""
    return item.course.code if item.course_id and item.course else item.title


def take_step(actor, plan: TrainingPlan, name: str, expected_version: int, note: str = "") -> None:
    """Take step `name` on `plan` (hrapp.core.workflow), recording who submitted or decided and when.

    :raise TransitionRefused / TransitionForbidden / StaleRecord: as workflow.check.
    """
    workflow.check(PLAN_WORKFLOW, plan, name, actor, expected_version, note)
    with db.session.no_autoflush:
        if name == "submit":
            plan.submitted_by_id, plan.submitted_at = actor.id, utcnow()
        else:
            plan.decided_by_id, plan.decided_at, plan.decision_note = actor.id, utcnow(), note.strip()[:500]
        workflow.apply(PLAN_WORKFLOW, plan, name, actor, expected_version, note)
