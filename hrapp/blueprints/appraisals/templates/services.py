"""Keeping templates: add one, change its settings and grade bands, copy it (for a new quarter), take it out of
use or back; what the cycles part may use (`usable_templates`, `template_problem`). Never commits; the actor is
passed in; every change audited. The criteria editor lives in criteria.py."""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hrapp import audit
from hrapp.blueprints.appraisals.rules import Problem
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, Criterion, Department, Position

from . import rules
from .messages import DUPLICATE_CODE, problem_errors, problem_text

unique_field("uq_appraisal_templates_code", "code", DUPLICATE_CODE)

FIELDS = ("code", "name_zh", "name_en", "department_id", "position_id", "team", "self_assessment",
          "peer_feedback", "note", "grade_bands", "active")
CRITERION_FIELDS = ("sort_order", "title_zh", "title_en", "description", "kind", "weight", "levels", "bands",
                    "target", "unit", "higher_is_better", "metric", "kpi_code", "self_scored")


@dataclass(frozen=True)
class TemplateDraft:
    """A template's settings as entered (grade bands: grade -> lowest total)."""

    code: str
    name_zh: str
    name_en: str
    department_id: int | None
    position_id: int | None
    team: bool
    self_assessment: bool
    peer_feedback: bool
    note: str
    grade_lows: dict


def template_snapshot(template: AppraisalTemplate) -> dict:
    """The audited view of a template's settings (JSON-safe)."""
    return audit.snapshot(template, FIELDS)


def _taken(code: str, except_id: int | None) -> bool:
    return db.session.scalar(sa.select(AppraisalTemplate.id).where(
        AppraisalTemplate.code == code.strip(), AppraisalTemplate.id != (except_id or -1))) is not None


def _checked(draft: TemplateDraft, except_id: int | None) -> list:
    """The draft's grade bands; :raise ValidationFailed: its problems."""
    problems: dict[str, Problem] = {}
    scope = rules.scope_problem(draft.department_id, draft.position_id, draft.team)
    if scope is not None:
        problems["position_id" if scope.code == "team_position" else "department_id"] = scope
    if draft.department_id is not None and db.session.get(Department, draft.department_id) is None:
        problems["department_id"] = Problem("scope_both")
    if draft.position_id is not None and db.session.get(Position, draft.position_id) is None:
        problems["position_id"] = Problem("scope_both")
    bands, band_problem = rules.grade_bands_from(draft.grade_lows)
    if band_problem is not None:
        problems["grade_bands"] = band_problem
    errors = problem_errors(problems)
    if _taken(draft.code, except_id):
        errors["code"] = [DUPLICATE_CODE]
    if errors:
        raise ValidationFailed(errors)
    return bands


def _apply(template: AppraisalTemplate, draft: TemplateDraft, bands: list) -> None:
    template.code, template.name_zh, template.name_en = draft.code.strip(), draft.name_zh.strip(), draft.name_en.strip()
    template.department_id, template.position_id = draft.department_id, draft.position_id
    template.team, template.self_assessment, template.peer_feedback = draft.team, draft.self_assessment, draft.peer_feedback
    template.note, template.grade_bands = draft.note.strip(), bands


def create_template(actor, draft: TemplateDraft) -> AppraisalTemplate:
    """A new template, out of use until its criteria's weights make exactly 100 and HR puts it in use.

    :raise ValidationFailed: department and position both given, grade bands that cannot stand, the code taken.
    """
    bands = _checked(draft, None)
    template = AppraisalTemplate(active=False, created_by_id=getattr(actor, "id", None))
    _apply(template, draft, bands)
    db.session.add(template)
    db.session.flush()
    audit.record(actor, "appraisals.template_create", template, None, template_snapshot(template))
    return template


def update_template(actor, template: AppraisalTemplate, draft: TemplateDraft, expected_version: int | None):
    """Change a template's settings (appraisals already made keep their copy of its criteria).

    :raise StaleRecord: it changed since the page was loaded.
    :raise ValidationFailed: as create_template.
    """
    check_version(template, expected_version)
    bands = _checked(draft, template.id)
    before = template_snapshot(template)
    _apply(template, draft, bands)
    db.session.flush()
    changed_before, changed_after = audit.changed_only(before, template_snapshot(template))
    if changed_after:
        audit.record(actor, "appraisals.template_update", template, changed_before, changed_after)
    return template


def copy_template(actor, source: AppraisalTemplate, code: str, name_zh: str) -> AppraisalTemplate:
    """A new template (out of use) with `source`'s settings and criteria under a new code and name.

    :raise ValidationFailed: the code is taken.
    """
    if _taken(code, None):
        raise ValidationFailed({"code": [DUPLICATE_CODE]})
    copy = AppraisalTemplate(active=False, created_by_id=getattr(actor, "id", None), code=code.strip(),
                             name_zh=name_zh.strip(), name_en=source.name_en,
                             grade_bands=[list(band) for band in source.grade_bands or ()],
                             **{name: getattr(source, name) for name in ("department_id", "position_id", "team",
                                                                         "self_assessment", "peer_feedback", "note")})
    for criterion in source.criteria:
        copy.criteria.append(Criterion(**{name: _copied(getattr(criterion, name)) for name in CRITERION_FIELDS}))
    db.session.add(copy)
    db.session.flush()
    audit.record(actor, "appraisals.template_copy", copy, None,
                 template_snapshot(copy) | {"copied_from": source.code, "criteria": len(copy.criteria)})
    return copy


def _copied(value):
    return [list(v) if isinstance(v, list) else v for v in value] if isinstance(value, list) else value


def set_template_active(actor, template: AppraisalTemplate, active: bool, expected_version: int | None) -> None:
    """Put a template in use (only when its weights make exactly 100) or take it out of use (cycles no longer
    offer it; appraisals made from it stay).

    :raise StaleRecord: it changed since the page was loaded.
    :raise ValidationFailed: put in use while its weights are not exactly 100 (on `_form`).
    """
    check_version(template, expected_version)
    if template.active == active:
        return
    if active:
        problem = rules.template_problem(True, [c.weight for c in template.criteria])
        if problem is not None:
            raise ValidationFailed.single("_form", problem_text(problem))
    template.active = active
    db.session.flush()
    audit.record(actor, "appraisals.template_activate" if active else "appraisals.template_deactivate", template,
                 {"active": not active}, {"active": active})


def template_problem(template: AppraisalTemplate) -> Problem | None:
    """Why a cycle cannot use `template` (out of use, weights not exactly 100); None when it can. Word it with
    messages.problem_text."""
    return rules.template_problem(template.active, [criterion.weight for criterion in template.criteria])


def usable_templates(team: bool | None = None) -> list[AppraisalTemplate]:
    """The templates cycles may use: in use, with criteria whose weights make exactly 100, by code (criteria
    loaded); `team` True or False keeps only team or only individual templates."""
    query = (sa.select(AppraisalTemplate).options(selectinload(AppraisalTemplate.criteria))
             .where(AppraisalTemplate.active.is_(True)).order_by(AppraisalTemplate.code))
    if team is not None:
        query = query.where(AppraisalTemplate.team.is_(team))
    return [t for t in db.session.scalars(query) if template_problem(t) is None]


def weight_total(template: AppraisalTemplate) -> Decimal:
    """The sum of the template's criteria's weights."""
    return rules.weights_sum([criterion.weight for criterion in template.criteria])
