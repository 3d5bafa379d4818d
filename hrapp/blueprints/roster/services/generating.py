"""Generating a draft roster with CP-SAT from demand, the rules, fixed cells, wishes and fairness history."""
from collections import Counter
from collections.abc import Iterable
from datetime import date, time, timedelta

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.generation import FairnessCounts, GenerationProblem, GenerationResult, generate
from hrapp.blueprints.roster.rules import LEAVE, ShiftSpec, cell_problem
from hrapp.blueprints.roster.rules.targets import office_days, person_target
from hrapp.blueprints.roster.services.changes import apply_changes, check_version
from hrapp.blueprints.roster.services.closing import ensure_roster_open
from hrapp.blueprints.roster.services.facts import RosterData, day_kinds, holiday_overrides, load_roster_data
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.blueprints.roster.services.terms import resolved_terms, work_defaults
from hrapp.extensions import db
from hrapp.models import DayKind, Roster, RosterCell, RosterStatus, ShiftKind, ShiftType

HISTORY_DAYS = 84  # fairness looks back twelve weeks
_ANY_WORK = ShiftSpec("?", time(0), time(1))


def fairness_history(data: RosterData) -> dict[int, FairnessCounts]:
    """Nights, weekend days and holidays each person worked in the department's last twelve weeks."""
    first = data.roster.starts_on - timedelta(days=HISTORY_DAYS)
    last = data.roster.starts_on - timedelta(days=1)
    rows = db.session.execute(
        sa.select(RosterCell.staff_id, RosterCell.day, ShiftType.is_night)
        .join(ShiftType, ShiftType.id == RosterCell.shift_type_id).join(Roster, Roster.id == RosterCell.roster_id)
        .where(Roster.department_id == data.roster.department_id, RosterCell.staff_id.in_(data.staff_ids),
               RosterCell.day.between(first, last), ShiftType.kind == ShiftKind.WORK))
    holidays = {d for d, h in holiday_overrides(first, last).items() if h.kind == DayKind.HOLIDAY}
    nights, weekends, off = Counter(), Counter(), Counter()
    for staff_id, day, is_night in rows:
        nights[staff_id] += bool(is_night)
        weekends[staff_id] += day.weekday() >= 5
        off[staff_id] += day in holidays
    return {s: FairnessCounts(nights[s], weekends[s], off[s]) for s in data.staff_ids}


def generation_problem(data: RosterData, requested_off: Iterable[tuple[int, date]] = (),
                       time_limit_s: float = 10.0, num_workers: int = 8) -> GenerationProblem:
    """The CP-SAT problem of a roster: fixed cells stay, approved leave gets the leave marker (if the
    department has one), days a person may not work get no cell.

    :raise RosterValidationError: the department has no rest marker.
    """
    rest = data.rest_type()
    if rest is None:
        raise RosterValidationError.of("roster", "no_rest_shift")
    leave = next((t.code for t in data.shift_types if t.kind == ShiftKind.LEAVE and t.is_active), None)
    fixed = {(c.staff_id, c.day): data.code_of[c.shift_type_id] for c in data.cells if c.is_fixed}
    unavailable, reasons = set(), {}
    for staff in data.staff:
        absences = [a for a in data.facts.absences if a.staff_id == staff.id]
        for day in data.days:
            why = cell_problem(data.facts.staff[staff.id], absences, day, _ANY_WORK)
            if why is None:
                continue
            reasons[(staff.id, day)] = why
            if why == "on_leave" and leave and (staff.id, day) not in fixed:
                fixed[(staff.id, day)] = leave
            elif (staff.id, day) not in fixed or data.facts.shifts[fixed[(staff.id, day)]].is_work:
                fixed.pop((staff.id, day), None)
                unavailable.add((staff.id, day))
    holidays = frozenset(d for d, h in data.holidays.items() if h.kind == DayKind.HOLIDAY)
    active = {code: spec for code, spec in data.facts.shifts.items()
              if data.by_code[code].is_active or spec.kind == LEAVE or code in fixed.values()}
    shifts, days, targets = _work_terms(data, fixed, unavailable)
    return GenerationProblem(
        tuple(data.days), tuple(s.id for s in data.staff), active, rest.code, data.facts.demand,
        data.facts.settings, fixed, frozenset(unavailable), reasons, frozenset(requested_off),
        data.facts.context, holidays, fairness_history(data), data.roster.department_id,
        shifts, days, targets, time_limit_s, num_workers=num_workers)


def _work_terms(data: RosterData, fixed: dict, unavailable: set) -> tuple[dict, dict, dict]:
    """Allowed shifts, allowed days and working-day targets per person. Targets only for the department's own
    people (someone lent from elsewhere works there too); leave and days outside employment are not owed."""
    terms = resolved_terms(data.staff)
    _days, tolerance = work_defaults()
    office = office_days(data.days, day_kinds(data.holidays))
    shifts = {s: t.shift_codes for s, t in terms.items() if t.shift_codes is not None}
    days = {s: office for s, t in terms.items() if t.office_days_only}
    targets = {}
    for staff in data.staff:
        if staff.department_id != data.roster.department_id:
            continue
        available = [d for d in data.days if (staff.id, d) not in unavailable
                     and data.facts.shifts.get(fixed.get((staff.id, d)), _ANY_WORK).kind != LEAVE]
        targets[staff.id] = person_target(terms[staff.id], tolerance, available, office)
    return shifts, days, targets


def generate_roster(actor, roster: Roster, expected_version: int | None,
                    requested_off: Iterable[tuple[int, date]] | None = None, time_limit_s: float = 10.0,
                    allow_partial: bool = False, save: bool = True, num_workers: int = 8) -> GenerationResult:
    """Fill a draft roster: fixed cells stay, every other cell is replaced by the generated one.

    `requested_off` defaults to the days off the roster's people requested for the period.
    Nothing is saved when the demand cannot be met (result.status "short": result.shortfalls say which
    days and shifts lack how many people and which rules bind) unless `allow_partial`; nor when `save` is
    False (a preview). Audited when saved.
    :raise RosterValidationError: not a draft, or no rest marker. :raise StaleRosterError.
    :raise PeriodClosed: part of the roster's period is closed (checked before solving).
    """
    check_version(roster, expected_version)
    ensure_roster_open(roster)
    if roster.status != RosterStatus.DRAFT:
        raise RosterValidationError.of("roster", "not_draft")
    data = load_roster_data(roster)
    if requested_off is None:
        requested_off = data.wishes
    problem = generation_problem(data, requested_off, time_limit_s, num_workers)
    result = generate(problem, allow_partial=allow_partial)
    if save and result.assignments and (result.ok or allow_partial):
        new = {(a.staff_id, a.day): a.shift_code for a in result.assignments}
        apply_changes(actor, data, {(s.id, d): new.get((s.id, d)) for s in data.staff for d in data.days})
        audit.record(actor, "roster.generate", roster, None,
                     {"status": result.status, "cells": len(result.assignments),
                      "seconds": round(result.wall_time_s, 2), "days_off_requested": result.wishes,
                      "days_off_granted": result.wishes_met},
                     label=f"{roster.department.code} {roster.starts_on.isoformat()}")
    return result
