"""Setting cycles up: create, edit, extend a deadline. Services never commit; the actor is passed in; every change
is audited. The deadlines' rules (ordered, not before the period, not in the past when set) are checked here."""
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from hrapp import audit
from hrapp.company import company_today
from hrapp.core.errors import check_version
from hrapp.core.periods import PeriodError, parse_period
from hrapp.core.uniqueness import unique_field
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, CycleStage

from .. import rules
from ..messages import REASON_REQUIRED, problem_text
from . import notices
from .messages import MESSAGES, CycleError

unique_field("uq_appraisal_cycles_name", "name", MESSAGES["name_taken"])

FIELDS = ("name", "period_kind", "first_on", "last_on", "self_due_on", "head_due_on", "calibration_due_on",
          "respond_days", "guide_top", "guide_middle", "guide_bottom", "note")
# Deadline field -> the stage it closes (a deadline may be extended while its stage is not over).
DEADLINES = {"self_due_on": CycleStage.SELF_ASSESSMENT, "head_due_on": CycleStage.HEAD_SCORING,
             "calibration_due_on": CycleStage.CALIBRATION}
STAGE_ORDER = tuple(CycleStage)


@dataclass(frozen=True)
class CycleDraft:
    """A cycle's fields as a form (or the CLI, or the demo) gives them."""

    period: str
    self_due_on: date
    head_due_on: date
    calibration_due_on: date
    respond_days: int = 7
    guide_top: int = 20
    guide_middle: int = 70
    guide_bottom: int = 10
    note: str = ""


def _check_deadlines(first_on: date, draft: CycleDraft, creating: bool) -> None:
    days = (draft.self_due_on, draft.head_due_on, draft.calibration_due_on)
    if any(day < first_on for day in days):
        raise CycleError.of("self_due_on", "deadline_before_period")
    if creating and any(day < company_today() for day in days):
        raise CycleError.of("self_due_on", "deadline_past")
    if not days[0] <= days[1] <= days[2]:
        raise CycleError.of("head_due_on", "deadlines_order")
    problem = rules.guide_problem(draft.guide_top, draft.guide_middle, draft.guide_bottom)
    if problem is not None:
        raise CycleError.single("guide_top", problem_text(problem))


def _snapshot(cycle: AppraisalCycle) -> dict:
    return audit.snapshot(cycle, FIELDS)


def create_cycle(actor, draft: CycleDraft) -> AppraisalCycle:
    """A new cycle in SETUP over the period `draft.period` names ("2026-Q3"; a month or a year too), named after it.

    :raise CycleError: no such period, the name is taken, the deadlines or the guide refused.
    """
    try:
        period = parse_period(draft.period, ("month", "quarter", "year"))
    except PeriodError as exc:
        raise CycleError.of("period", "bad_period") from exc
    if db.session.scalar(sa.select(AppraisalCycle.id).where(AppraisalCycle.name == period.name)):
        raise CycleError.of("period", "name_taken")
    _check_deadlines(period.first, draft, creating=True)
    cycle = AppraisalCycle(name=period.name, period_kind=period.kind, first_on=period.first, last_on=period.last,
                           stage=CycleStage.SETUP, created_by_id=getattr(actor, "id", None),
                           **_values(draft))
    db.session.add(cycle)
    db.session.flush()
    audit.record(actor, "appraisal_cycle.create", cycle, None, _snapshot(cycle), label=cycle.name)
    return cycle


def _values(draft: CycleDraft) -> dict:
    return {"self_due_on": draft.self_due_on, "head_due_on": draft.head_due_on,
            "calibration_due_on": draft.calibration_due_on, "respond_days": draft.respond_days,
            "guide_top": draft.guide_top, "guide_middle": draft.guide_middle, "guide_bottom": draft.guide_bottom,
            "note": draft.note.strip()}


def update_cycle(actor, cycle: AppraisalCycle, draft: CycleDraft, expected_version: int | None) -> None:
    """Change the deadlines, the days to respond, the guide and the note (the period stays).

    :raise StaleRecord: someone saved first. :raise CycleError: the deadlines or the guide refused.
    """
    check_version(cycle, expected_version)
    _check_deadlines(cycle.first_on, draft, creating=False)
    before = _snapshot(cycle)
    for name, value in _values(draft).items():
        setattr(cycle, name, value)
    db.session.flush()
    audit.record(actor, "appraisal_cycle.update", cycle, *audit.changed_only(before, _snapshot(cycle)),
                 label=cycle.name)


def extend_deadline(actor, cycle: AppraisalCycle, field: str, new_day: date, reason: str,
                    expected_version: int | None) -> int:
    """Move one stage's deadline later, with a reason; the people it concerns are told (those still to
    self-assess, the scorers still to score, HR for calibration). Returns how many were told.

    :raise StaleRecord: someone saved first. :raise CycleError: not later, past the next deadline, the stage over.
    """
    check_version(cycle, expected_version)
    if not reason.strip():
        raise CycleError.single("reason", REASON_REQUIRED)
    if field not in DEADLINES:
        raise CycleError.of("field", "stage_passed")
    if STAGE_ORDER.index(cycle.stage) > STAGE_ORDER.index(DEADLINES[field]):
        raise CycleError.of("field", "stage_passed")
    current = getattr(cycle, field)
    if current is not None and new_day <= current:
        raise CycleError.of("new_day", "extend_later", day=current.isoformat())
    names = list(DEADLINES)
    following = [getattr(cycle, n) for n in names[names.index(field) + 1:] if getattr(cycle, n) is not None]
    if following and new_day > following[0]:
        raise CycleError.of("new_day", "extend_order", day=following[0].isoformat())
    setattr(cycle, field, new_day)
    db.session.flush()
    audit.record(actor, "appraisal_cycle.extend", cycle, {field: current.isoformat() if current else None},
                 {field: new_day.isoformat(), "reason": reason.strip()[:255]}, label=cycle.name)
    return notices.tell_extended(cycle, field, new_day, reason.strip())
