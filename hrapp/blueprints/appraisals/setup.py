"""Making appraisals: which template applies to a person, who scores them, and each appraisal's items copied from
its template (so editing a template never rewrites a cycle already under way). Used by the cycles part when a
cycle opens, and by tests and the demo to set a scene. Never commits."""
from collections.abc import Iterable

import sqlalchemy as sa

from hrapp.core.tree import path_ids, root_path
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    AppraisalStatus,
    AppraisalTemplate,
    CycleStage,
    Department,
    Role,
    Scorer,
    StaffMember,
    User,
)
from hrapp.models.user import department_heads

from . import rules
from .rules import AppraisalRuleError


def template_for(staff: StaffMember, templates: Iterable[AppraisalTemplate]) -> AppraisalTemplate | None:
    """The active individual template for `staff`: their position's, else the nearest department's up the tree
    (their department, then its parents), else the company's (neither position nor department); None if none."""
    by_position, by_department, company = {}, {}, None
    for template in templates:
        if not template.active or template.team:
            continue
        if template.position_id is not None:
            by_position.setdefault(template.position_id, template)
        elif template.department_id is not None:
            by_department.setdefault(template.department_id, template)
        elif company is None:
            company = template
    if staff.position_id in by_position:
        return by_position[staff.position_id]
    for department_id in reversed(path_ids(staff.department.path)):
        if department_id in by_department:
            return by_department[department_id]
    return company


def heading_staff_ids() -> dict[int, set[str]]:
    """staff id -> the paths of the departments their (active head) account heads: who is a head."""
    rows = db.session.execute(
        sa.select(User.staff_id, Department.path)
        .join(department_heads, department_heads.c.user_id == User.id)
        .join(Department, Department.id == department_heads.c.department_id)
        .where(User.staff_id.is_not(None), User.role == Role.HEAD, User.is_enabled.is_(True)))
    heads: dict[int, set[str]] = {}
    for staff_id, path in rows:
        heads.setdefault(staff_id, set()).add(path)
    return heads


def headed_paths() -> set[str]:
    """The paths of the departments some enabled head account heads."""
    return set(db.session.scalars(
        sa.select(Department.path).join(department_heads, department_heads.c.department_id == Department.id)
        .join(User, User.id == department_heads.c.user_id)
        .where(User.role == Role.HEAD, User.is_enabled.is_(True))))


def scorer_for(staff: StaffMember, heads: dict[int, set[str]], headed: set[str] | None = None) -> Scorer:
    """Who scores `staff`: HR for a general manager (heading the top of their tree), the general manager for
    another head, else a head of their department. With `headed` (headed_paths()), HR also where nobody holds
    that place — no head account up the person's department chain, or none on the top department for a head —
    so that every appraisal has someone who may score it."""
    paths = heads.get(staff.id)
    top = root_path(staff.department.path)
    if paths:
        if top in paths or (headed is not None and top not in headed):
            return Scorer.HR
        return Scorer.GENERAL_MANAGER
    if headed is not None and not any(staff.department.path.startswith(path) for path in headed):
        return Scorer.HR
    return Scorer.HEAD


def grade_bands_of(template: AppraisalTemplate) -> list:
    """The bands an appraisal made from `template` keeps: the template's, or the default ones."""
    return [[grade, str(low)] for grade, low in (template.grade_bands or rules.DEFAULT_GRADE_BANDS)]


def check_weights(template: AppraisalTemplate) -> None:
    """:raise AppraisalRuleError: the template's weights do not sum to exactly 100 (or it has no criteria)."""
    problem = rules.weights_problem([c.weight for c in template.criteria])
    if problem is not None:
        raise AppraisalRuleError("weights", problem)


def make_appraisal(cycle: AppraisalCycle, template: AppraisalTemplate, staff: StaffMember | None = None,
                   department: Department | None = None, scorer: Scorer = Scorer.HEAD) -> Appraisal:
    """A new appraisal of `staff` (or `department`'s team appraisal when `staff` is None) in `cycle`, with its
    items copied from `template`; waiting for the self-assessment when the template asks for one and the cycle
    has not passed that stage, else for the head. Weights are checked again on the copy.

    :raise AppraisalRuleError: the weights do not sum to exactly 100.
    """
    check_weights(template)
    department = department if staff is None else staff.department
    wants_self = (staff is not None and template.self_assessment
                  and cycle.stage in (CycleStage.SETUP, CycleStage.SELF_ASSESSMENT))
    appraisal = Appraisal(
        cycle=cycle, staff=staff, department_id=department.id, department=department,
        position_id=staff.position_id if staff is not None else None,
        team_department_id=department.id if staff is None else None, template=template,
        scorer=Scorer.HR if staff is None else scorer,
        grade_bands=grade_bands_of(template),
        status=AppraisalStatus.SELF_REVIEW if wants_self else AppraisalStatus.HEAD_REVIEW)
    for number, criterion in enumerate(template.criteria, start=1):
        appraisal.items.append(AppraisalItem(
            criterion_id=criterion.id, sort_order=number, title_zh=criterion.title_zh, title_en=criterion.title_en,
            kind=criterion.kind, weight=criterion.weight, levels=list(criterion.levels or []),
            bands=[list(b) for b in criterion.bands or []], target=criterion.target, unit=criterion.unit,
            higher_is_better=criterion.higher_is_better, metric=criterion.metric, kpi_code=criterion.kpi_code,
            self_scored=criterion.self_scored and criterion.kind in ("rating", "kpi")))
    problem = rules.weights_problem([item.weight for item in appraisal.items])
    if problem is not None:
        raise AppraisalRuleError("weights", problem)
    db.session.add(appraisal)
    return appraisal
