"""Organisation services: company settings, the department tree, positions, job descriptions."""
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from hrapp import audit
from hrapp.blueprints.auth.rules import RuleViolation
from hrapp.blueprints.org.workflow import JOB_DESCRIPTION_WORKFLOW
from hrapp.company import company_settings
from hrapp.core import workflow
from hrapp.core.errors import STALE_MESSAGE, check_version
from hrapp.core.money import DEFAULT_PAID_DAYS_PER_MONTH
from hrapp.core.uniqueness import unique_field
from hrapp.extensions import db
from hrapp.models import (
    JOB_DESCRIPTION_TEXT_FIELDS,
    CompanySettings,
    Department,
    JobDescription,
    JobDescriptionStatus,
    Position,
    StaffMember,
    User,
)
from hrapp.permissions import department_scope_clause

# A lost race on a code answers like the pre-check (hrapp.core.uniqueness).
DUPLICATE_DEPARTMENT = unique_field("uq_departments_code", "code", _l("This department code is already used."))
DUPLICATE_POSITION = unique_field("uq_positions_code", "code", _l("This position code is already used."))

DEPARTMENT_FIELDS = ("code", "name", "name_en", "parent_id", "planned_headcount")
POSITION_FIELDS = ("code", "name", "name_en", "department_id", "superior_position_id", "job_family", "grade", "headcount",
                   "comprehensive_hours")
SETTINGS_FIELDS = ("name", "timezone", "currency", "minimum_monthly_wage_amount", "paid_days_per_month")


def update_settings(actor, name: str, timezone: str, currency: str, minimum_monthly_wage: Decimal | None = None,
                    paid_days_per_month: Decimal | None = None,
                    expected_version: int | None = None) -> CompanySettings:
    """Store the company settings (creating the row on first use) with an audit row.

    `minimum_monthly_wage` (None: no minimum) and `paid_days_per_month` (None: the statutory 21.75)
    are the pay policy (hrapp.core.pay.PayPolicy); the minimum applies to pay entered from now on,
    stored pay is not rechecked.
    :raise RuleViolation: "version" when `expected_version` is given and the row changed since.
    """
    settings = company_settings()
    if expected_version is not None and settings.id and expected_version != settings.version_id:
        raise RuleViolation("version", STALE_MESSAGE)
    before = audit.snapshot(settings, SETTINGS_FIELDS) if settings.id else None
    settings.name, settings.timezone, settings.currency = name.strip(), timezone, currency.upper()
    settings.minimum_monthly_wage_amount = minimum_monthly_wage or None
    settings.paid_days_per_month = paid_days_per_month or DEFAULT_PAID_DAYS_PER_MONTH
    db.session.add(settings)
    audit.record(actor, "settings.update", settings, before, audit.snapshot(settings, SETTINGS_FIELDS))
    return settings


def _check_department(code: str, parent: Department | None, department: Department | None) -> None:
    clash = db.session.scalar(sa.select(Department.id).where(Department.code == code))
    if clash is not None and (department is None or clash != department.id):
        raise RuleViolation("code", DUPLICATE_DEPARTMENT.message)
    if department is not None and parent is not None and parent.path.startswith(department.path):
        raise RuleViolation("parent_id", _l("A department cannot be placed under itself or its sub-departments."))


def _set_path(department: Department) -> None:
    """Recompute the materialised path of `department` and of its whole subtree."""
    old = department.path
    department.path = f"{department.parent.path if department.parent else '/'}{department.id}/"
    if old and old != "/" and old != department.path:
        for sub in db.session.scalars(sa.select(Department).where(Department.path.startswith(old),
                                                                  Department.id != department.id)):
            sub.path = department.path + sub.path[len(old):]


def save_department(actor, department: Department | None, code: str, name: str, name_en: str,
                    parent: Department | None, planned_headcount: int,
                    expected_version: int | None = None) -> Department:
    """Create (department=None) or update a department; moving it moves its subtree.

    `expected_version` is the department's version the editor saw (None: no check, for the CLI and seed).
    :raise StaleRecord: someone else saved the department since.
    :raise RuleViolation: duplicate code, or a parent inside the department's own subtree.
    """
    if department is not None:
        check_version(department, expected_version)
    code = code.strip().upper()
    _check_department(code, parent, department)
    before = audit.snapshot(department, DEPARTMENT_FIELDS) if department else None
    if department is None:
        department = Department(path="/")
        db.session.add(department)
    department.code, department.name, department.name_en = code, name.strip(), name_en.strip()
    department.parent, department.planned_headcount = parent, planned_headcount
    db.session.flush()
    _set_path(department)
    after = audit.snapshot(department, DEPARTMENT_FIELDS)
    if before is None:
        audit.record(actor, "department.create", department, None, after)
    elif before != after:
        audit.record(actor, "department.update", department, *audit.changed_only(before, after))
    return department


def delete_department(actor, department: Department, expected_version: int | None = None) -> None:
    """Delete an empty department.

    :raise StaleRecord: it changed since the page showing the button (`expected_version`) was loaded.
    :raise RuleViolation: it has sub-departments, staff or positions.
    """
    check_version(department, expected_version)
    in_use = (department.children
              or db.session.scalar(sa.select(StaffMember.id).where(StaffMember.department_id == department.id).limit(1))
              or db.session.scalar(sa.select(Position.id).where(Position.department_id == department.id).limit(1)))
    if in_use:
        raise RuleViolation("department", _l("Only an empty department (no sub-departments, staff or positions) can be deleted."))
    audit.record(actor, "department.delete", department, audit.snapshot(department, DEPARTMENT_FIELDS), None)
    db.session.delete(department)


@dataclass
class DepartmentNode:
    department: Department
    headcount: int
    children: list["DepartmentNode"] = field(default_factory=list)

    @property
    def over_plan(self) -> bool:
        return self.department.planned_headcount > 0 and self.headcount > self.department.planned_headcount


def department_tree(user) -> list[DepartmentNode]:
    """The departments `user` may see as a forest, each with its active headcount (3 queries)."""
    departments = db.session.scalars(
        sa.select(Department).where(department_scope_clause(user))
        .options(selectinload(Department.heads).selectinload(User.staff)).order_by(Department.path)).all()
    counts = Counter(dict(db.session.execute(
        sa.select(StaffMember.department_id, sa.func.count()).where(StaffMember.status != "left")
        .group_by(StaffMember.department_id)).all()))
    nodes = {d.id: DepartmentNode(d, counts.get(d.id, 0)) for d in departments}
    roots = []
    for d in departments:
        parent = nodes.get(d.parent_id)
        (parent.children if parent else roots).append(nodes[d.id])
    return roots


def save_position(actor, position: Position | None, expected_version: int | None = None, **values) -> Position:
    """Create or update a position.

    :raise StaleRecord: someone else saved the position since `expected_version` (None: no check).
    :raise RuleViolation: duplicate code or a superior loop.
    """
    if position is not None:
        check_version(position, expected_version)
    values["code"] = values["code"].strip().upper()
    clash = db.session.scalar(sa.select(Position.id).where(Position.code == values["code"]))
    if clash is not None and (position is None or clash != position.id):
        raise RuleViolation("code", DUPLICATE_POSITION.message)
    if position is not None and values.get("superior_position_id") == position.id:
        raise RuleViolation("superior_position_id", _l("A position cannot report to itself."))
    before = audit.snapshot(position, POSITION_FIELDS) if position else None
    if position is None:
        position = Position()
        db.session.add(position)
    for name, value in values.items():
        setattr(position, name, value)
    db.session.flush()
    after = audit.snapshot(position, POSITION_FIELDS)
    if before is None:
        audit.record(actor, "position.create", position, None, after)
    elif before != after:
        audit.record(actor, "position.update", position, *audit.changed_only(before, after))
    return position


def current_description(position: Position) -> JobDescription | None:
    """The approved version in force, if any."""
    return next((d for d in position.descriptions if d.status == JobDescriptionStatus.APPROVED), None)


def draft_description(position: Position) -> JobDescription | None:
    return next((d for d in position.descriptions if d.status == JobDescriptionStatus.DRAFT), None)


def start_draft(actor, position: Position) -> JobDescription:
    """Open a new draft version, copied from the version in force; reuse an open draft."""
    draft = draft_description(position)
    if draft is not None:
        return draft
    source = current_description(position)
    version = max((d.version for d in position.descriptions), default=0) + 1
    draft = JobDescription(position=position, version=version, status=JobDescriptionStatus.DRAFT)
    for name in JOB_DESCRIPTION_TEXT_FIELDS:
        setattr(draft, name, getattr(source, name) if source else "")
    draft.analysis_on = source.analysis_on if source else None
    db.session.add(draft)
    db.session.flush()
    audit.record(actor, "job_description.draft", draft, None, {"version": version}, label=position.code)
    return draft


def update_draft(actor, draft: JobDescription, values: dict, expected_version: int | None = None) -> None:
    """Edit a draft. The version is checked first, so a stale page gets the stale message whatever happened.

    :raise StaleRecord: the draft changed (or was approved) since `expected_version` (None: no check).
    :raise RuleViolation: the version is approved (immutable).
    """
    check_version(draft, expected_version)
    if draft.status != JobDescriptionStatus.DRAFT:
        raise RuleViolation("status", _l("An approved job description cannot be edited; start a new version."))
    fields = (*JOB_DESCRIPTION_TEXT_FIELDS, "analysis_on")
    before = audit.snapshot(draft, fields)
    for name in fields:
        setattr(draft, name, values[name])
    audit.record(actor, "job_description.update", draft, *audit.changed_only(before, audit.snapshot(draft, fields)),
                 label=draft.position.code)


def approve_description(actor, draft: JobDescription, on: date, expected_version: int | None = None) -> JobDescription:
    """Approve a draft: it becomes the version in force; the previous one stays readable as superseded.

    `expected_version` is the draft's version the approver saw (None: the one loaded, for the CLI and seed).
    :raise TransitionRefused: not a draft. :raise TransitionForbidden: the actor may not approve.
    :raise StaleRecord: the draft changed since. :raise RuleViolation: no summary or duties yet.
    """
    version = draft.version_id if expected_version is None else expected_version
    workflow.check(JOB_DESCRIPTION_WORKFLOW, draft, "approve", actor, version)
    if not draft.duties.strip() or not draft.summary.strip():
        raise RuleViolation("duties", _l("A job description needs a summary and duties before approval."))
    previous = current_description(draft.position)
    if previous is not None:
        workflow.apply(JOB_DESCRIPTION_WORKFLOW, previous, "supersede", actor, previous.version_id,
                       details={"version": previous.version})
    workflow.apply(JOB_DESCRIPTION_WORKFLOW, draft, "approve", actor, version,
                   details={"version": draft.version, "approved_on": on.isoformat()})
    draft.approved_by_id, draft.approved_on = actor.id, on
    return draft
