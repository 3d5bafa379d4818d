"""The criteria editor: add, change, remove and reorder a template's criteria. Each change carries the template's
version (two people editing one template: the second is told it changed) and moves it on. Never commits; the
actor is passed in; every change audited on the template."""
from dataclasses import dataclass
from decimal import Decimal

from hrapp import audit
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, Criterion, CriterionKind, Metric, utcnow

from . import rules
from .messages import problem_errors


class CriterionGone(LookupError):
    """The criterion was removed already (or belongs to another template)."""


@dataclass(frozen=True)
class CriterionDraft:
    """A criterion as entered (levels and bands as the lines typed)."""

    title_zh: str
    title_en: str
    description: str
    kind: str
    weight: Decimal | None
    levels: str
    bands: str
    target: Decimal | None
    unit: str
    higher_is_better: bool
    metric: str
    kpi_code: str
    self_scored: bool


def criterion_snapshot(criterion: Criterion) -> dict:
    """The audited view of a criterion (JSON-safe)."""
    return audit.snapshot(criterion, ("title_zh", "title_en", "description", "kind", "weight", "levels", "bands",
                                      "target", "unit", "higher_is_better", "metric", "kpi_code", "self_scored"))


def _apply(criterion: Criterion, draft: CriterionDraft) -> None:
    """Check the draft and write it onto `criterion`; :raise ValidationFailed: its problems."""
    checked = rules.check_criterion(
        rules.CriterionInput(kind=draft.kind, weight=draft.weight, levels=draft.levels, bands=draft.bands,
                             metric=draft.metric, kpi_code=draft.kpi_code, target=draft.target,
                             self_scored=draft.self_scored, higher_is_better=draft.higher_is_better,
                             unit=draft.unit), [m.value for m in Metric])
    if checked.problems:
        raise ValidationFailed(problem_errors(checked.problems))
    kind = CriterionKind(draft.kind)
    criterion.title_zh, criterion.title_en = draft.title_zh.strip(), draft.title_en.strip()
    criterion.description, criterion.kind, criterion.weight = draft.description.strip(), kind, draft.weight
    criterion.levels, criterion.bands = checked.levels, checked.bands
    banded = kind != CriterionKind.RATING
    criterion.target = draft.target if kind == CriterionKind.KPI else None
    criterion.unit = checked.unit if banded else ""
    criterion.higher_is_better = checked.higher_is_better if banded else True
    criterion.metric = Metric(draft.metric) if kind == CriterionKind.METRIC else None
    criterion.kpi_code = rules.kpi_code_normal(draft.kpi_code) if kind == CriterionKind.IMPORTED else ""
    criterion.self_scored = draft.self_scored


def _touch(template: AppraisalTemplate) -> None:
    """Move the template's version on: its criteria live in another table."""
    template.updated_at = utcnow()


def add_criterion(actor, template: AppraisalTemplate, draft: CriterionDraft, expected_version: int | None) -> Criterion:
    """A new criterion at the end of the template's list.

    :raise StaleRecord: the template changed since the page was loaded.
    :raise ValidationFailed: the criterion's problems (rules.check_criterion).
    """
    check_version(template, expected_version)
    criterion = Criterion(sort_order=max((c.sort_order for c in template.criteria), default=0) + 1)
    _apply(criterion, draft)
    template.criteria.append(criterion)
    _touch(template)
    db.session.flush()
    audit.record(actor, "appraisals.criterion_add", template, None, criterion_snapshot(criterion))
    return criterion


def _own(template: AppraisalTemplate, criterion_id: int) -> Criterion:
    criterion = next((c for c in template.criteria if c.id == criterion_id), None)
    if criterion is None:
        raise CriterionGone(criterion_id)
    return criterion


def update_criterion(actor, template: AppraisalTemplate, criterion_id: int, draft: CriterionDraft,
                     expected_version: int | None) -> Criterion:
    """Change one of the template's criteria (appraisals already made keep their copy).

    :raise StaleRecord: the template changed since the page was loaded.
    :raise CriterionGone: no such criterion on the template.
    :raise ValidationFailed: the criterion's problems.
    """
    check_version(template, expected_version)
    criterion = _own(template, criterion_id)
    before = criterion_snapshot(criterion)
    _apply(criterion, draft)
    changed_before, changed_after = audit.changed_only(before, criterion_snapshot(criterion))
    if changed_after:
        _touch(template)
        db.session.flush()
        audit.record(actor, "appraisals.criterion_update", template, changed_before, changed_after,
                     label=f"{template.code} {criterion.title_zh}")
    return criterion


def remove_criterion(actor, template: AppraisalTemplate, criterion_id: int, expected_version: int | None) -> None:
    """Remove one of the template's criteria (appraisals already made keep their copy).

    :raise StaleRecord: the template changed since the page was loaded.
    :raise CriterionGone: no such criterion on the template.
    """
    check_version(template, expected_version)
    criterion = _own(template, criterion_id)
    audit.record(actor, "appraisals.criterion_remove", template, criterion_snapshot(criterion), None,
                 label=f"{template.code} {criterion.title_zh}")
    template.criteria.remove(criterion)
    _touch(template)
    db.session.flush()


def move_criterion(actor, template: AppraisalTemplate, criterion_id: int, step: int,
                   expected_version: int | None) -> None:
    """Move a criterion one place up (step -1) or down (+1); nothing at either end.

    :raise StaleRecord: the template changed since the page was loaded.
    :raise CriterionGone: no such criterion on the template.
    """
    check_version(template, expected_version)
    _own(template, criterion_id)
    before = [c.id for c in template.criteria]
    order = rules.moved(before, criterion_id, 1 if step > 0 else -1)
    if order == before:
        return
    by_id = {c.id: c for c in template.criteria}
    for number, cid in enumerate(order, start=1):
        by_id[cid].sort_order = number
    _touch(template)
    db.session.flush()
    audit.record(actor, "appraisals.criterion_move", template, {"order": [by_id[i].title_zh for i in before]},
                 {"order": [by_id[i].title_zh for i in order]})
    db.session.expire(template, ["criteria"])
