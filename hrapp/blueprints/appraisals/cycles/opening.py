"""Opening a cycle: everyone's appraisal from their template, in bulk, and a person added later.

Who: every person not left (StaffMember.status != LEFT) hired on or before the period's last day. Which template:
among the USABLE ones (active, weights exactly 100 — checked again here with rules.weights_problem, so a template
of 33.33 × 3 is never used), "T-MGR" for a person who heads a department when it exists, else
setup.template_for (position, then the nearest department up the tree, then the company's). Scorer:
setup.scorer_for. Plus one team appraisal per department with an active team template for it. People without any
template are left out (the cycle's page lists them).

5,000 people open in seconds: the rows are built in memory from one query per kind of record and written with
hrapp.core.bulk.insert_rows (appraisals, then their items copied from the templates' criteria, as
setup.make_appraisal copies them one at a time). Never commits.
"""
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hrapp import audit
from hrapp.core import workflow
from hrapp.core.bulk import insert_rows
from hrapp.core.uniqueness import unique_field
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    AppraisalStatus,
    AppraisalTemplate,
    CycleStage,
    Department,
    EmploymentStatus,
    Scorer,
    StaffMember,
    utcnow,
)

from .. import rules, setup
from .messages import MESSAGES, CycleError
from .workflow import CYCLE_WORKFLOW

MANAGER_TEMPLATE = "T-MGR"
unique_field("appraisal_once_per_cycle", "staff_number", MESSAGES["already_in_cycle"])
CHUNK = 5000


@dataclass
class Opening:
    """What opening made: how many personal and team appraisals."""

    made: int = 0
    teams: int = 0
    without: list = field(default_factory=list)  # staff ids without a usable template


def usable_templates() -> list[AppraisalTemplate]:
    """Active templates whose weights add up to exactly 100, with their criteria, oldest first."""
    templates = db.session.scalars(sa.select(AppraisalTemplate).where(AppraisalTemplate.active.is_(True))
                                   .options(selectinload(AppraisalTemplate.criteria))
                                   .order_by(AppraisalTemplate.id)).all()
    return [t for t in templates if rules.weights_problem([c.weight for c in t.criteria]) is None]


def eligible_clause(cycle: AppraisalCycle) -> sa.ColumnElement[bool]:
    """The people a cycle appraises: not left, hired on or before the period's last day."""
    return sa.and_(StaffMember.status != EmploymentStatus.LEFT, StaffMember.hire_on <= cycle.last_on)


def choose_template(staff: StaffMember, templates: list[AppraisalTemplate],
                    heads: dict[int, set[str]]) -> AppraisalTemplate | None:
    """T-MGR for a head (when usable), else setup.template_for."""
    if staff.id in heads:
        manager = next((t for t in templates if t.code == MANAGER_TEMPLATE and not t.team), None)
        if manager is not None:
            return manager
    return setup.template_for(staff, templates)


def team_templates(templates: list[AppraisalTemplate]) -> dict[int, AppraisalTemplate]:
    """department id -> its (first) active team template."""
    teams: dict[int, AppraisalTemplate] = {}
    for template in templates:
        if template.team and template.department_id is not None:
            teams.setdefault(template.department_id, template)
    return teams


def _appraisal_row(cycle_id: int, template: AppraisalTemplate, status: AppraisalStatus, now, staff=None,
                   department_id=None, scorer=Scorer.HR) -> dict:
    return {"cycle_id": cycle_id, "staff_id": staff.id if staff else None,
            "department_id": staff.department_id if staff else department_id,
            "position_id": staff.position_id if staff else None,
            "team_department_id": None if staff else department_id, "template_id": template.id,
            "scorer": scorer, "status": status, "calibrated": False, "grade_bands": setup.grade_bands_of(template),
            "acknowledged_by_silence": False, "self_comment": "", "head_comment": "", "appeal_text": "",
            "decision": "", "decision_reason": "", "version_id": 1, "created_at": now, "updated_at": now}


def _item_rows(template: AppraisalTemplate) -> list[dict]:
    """The template's criteria as appraisal item rows (without the appraisal's id), read once per template."""
    return [{"criterion_id": c.id, "sort_order": number, "title_zh": c.title_zh, "title_en": c.title_en,
             "kind": c.kind, "weight": c.weight, "levels": list(c.levels or []),
             "bands": [list(b) for b in c.bands or []], "target": c.target, "unit": c.unit,
             "higher_is_better": c.higher_is_better, "metric": c.metric, "kpi_code": c.kpi_code,
             "self_scored": c.self_scored and c.kind in ("rating", "kpi"), "self_comment": "", "head_comment": ""}
            for number, c in enumerate(template.criteria, start=1)]


@dataclass(frozen=True)
class _Department:
    id: int
    path: str


@dataclass(frozen=True)
class _Person:
    """What choosing a template and a scorer reads of a person (setup.template_for, setup.scorer_for), loaded as
    plain rows: 5,000 ORM objects cost more than the whole insert."""

    id: int
    position_id: int | None
    department_id: int
    department: _Department


def _plan(cycle: AppraisalCycle, templates: list[AppraisalTemplate]):
    taken = set(db.session.scalars(sa.select(Appraisal.staff_id).where(Appraisal.cycle_id == cycle.id,
                                                                        Appraisal.staff_id.is_not(None))))
    people = [_Person(staff_id, position_id, department_id, _Department(department_id, path))
              for staff_id, position_id, department_id, path in db.session.execute(
                  sa.select(StaffMember.id, StaffMember.position_id, StaffMember.department_id, Department.path)
                  .join(Department, Department.id == StaffMember.department_id)
                  .where(eligible_clause(cycle)).order_by(StaffMember.id))]
    heads, headed = setup.heading_staff_ids(), setup.headed_paths()
    assigned, without = [], []
    for staff in people:
        if staff.id in taken:
            continue
        template = choose_template(staff, templates, heads)
        if template is None:
            without.append(staff.id)
        else:
            assigned.append((staff, template, setup.scorer_for(staff, heads, headed)))
    teams_taken = set(db.session.scalars(sa.select(Appraisal.team_department_id).where(
        Appraisal.cycle_id == cycle.id, Appraisal.team_department_id.is_not(None))))
    teams = {d: t for d, t in team_templates(templates).items() if d not in teams_taken}
    return assigned, teams, without


def open_cycle(actor, cycle: AppraisalCycle, expected_version: int | None) -> Opening:
    """Open a cycle in SETUP: to self-assessment, or straight to head scoring when no template used asks for a
    self-assessment; everyone's appraisal made.

    :raise CycleError: no usable template. Raises as workflow.check does (wrong stage, not HR, stale).
    """
    templates = usable_templates()
    assigned, teams, without = _plan(cycle, templates)
    if not assigned and not teams:
        raise CycleError.of("stage", "no_template")
    wants_self = any(template.self_assessment for _staff, template, _scorer in assigned)
    step = "open" if wants_self else "open_to_scoring"
    workflow.apply(CYCLE_WORKFLOW, cycle, step, actor,
                   cycle.version_id if expected_version is None else expected_version,
                   details={"appraisals": len(assigned), "teams": len(teams), "without_template": len(without)})
    now, head = utcnow(), AppraisalStatus.HEAD_REVIEW
    first = {t.id: AppraisalStatus.SELF_REVIEW if t.self_assessment and cycle.stage == CycleStage.SELF_ASSESSMENT
             else head for t in templates}  # a person's first status, per template (a team's: the head's)
    rows = [_appraisal_row(cycle.id, template, first[template.id], now, staff=staff, scorer=scorer)
            for staff, template, scorer in assigned]
    rows += [_appraisal_row(cycle.id, template, head, now, department_id=d) for d, template in teams.items()]
    for start in range(0, len(rows), CHUNK):
        insert_rows(Appraisal.__table__, rows[start:start + CHUNK])
    item_rows = {t.id: _item_rows(t) for t in templates}
    bare = ~sa.exists().where(AppraisalItem.appraisal_id == Appraisal.id)
    made = db.session.execute(sa.select(Appraisal.id, Appraisal.template_id).where(
        Appraisal.cycle_id == cycle.id, bare).order_by(Appraisal.id))
    items: list[dict] = []
    for appraisal_id, template_id in made:
        items.extend({**row, "appraisal_id": appraisal_id} for row in item_rows[template_id])
        if len(items) >= CHUNK:
            insert_rows(AppraisalItem.__table__, items)
            items = []
    insert_rows(AppraisalItem.__table__, items)
    db.session.expire(cycle, ["appraisals"])
    return Opening(made=len(assigned), teams=len(teams), without=without)


def add_person(actor, cycle: AppraisalCycle, staff_number: str) -> Appraisal:
    """Add a person hired after opening (HR), while the cycle is before calibration.

    :raise CycleError: no such person, left, hired after the period, already in, no template.
    """
    staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == staff_number.strip()))
    if staff is None:
        raise CycleError.of("staff_number", "unknown_person")
    if staff.status == EmploymentStatus.LEFT:
        raise CycleError.of("staff_number", "person_left")
    if staff.hire_on > cycle.last_on:
        raise CycleError.of("staff_number", "hired_after")
    if db.session.scalar(sa.select(Appraisal.id).where(Appraisal.cycle_id == cycle.id,
                                                       Appraisal.staff_id == staff.id)):
        raise CycleError.of("staff_number", "already_in_cycle")
    heads, headed = setup.heading_staff_ids(), setup.headed_paths()
    template = choose_template(staff, usable_templates(), heads)
    if template is None:
        raise CycleError.of("staff_number", "no_template_for")
    appraisal = setup.make_appraisal(cycle, template, staff, scorer=setup.scorer_for(staff, heads, headed))
    db.session.flush()
    audit.record(actor, "appraisal_cycle.add_person", cycle, None,
                 {"staff_number": staff.staff_number, "template": template.code, "appraisal_id": appraisal.id},
                 label=cycle.name)
    return appraisal
