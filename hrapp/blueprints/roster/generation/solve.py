"""Roster generation with OR-Tools CP-SAT over plain data: a full roster, or a report of what is short and why.

A greedy day-by-day start is built first and given to the solver as a hint. If it falls short, a first solve
minimises unmet demand (slack); if any remains, the shortfalls are reported with the rules that keep people
off each short shift, and no roster is returned unless the caller asks for it. A second solve keeps the
demand met and brings each person's working days into their contracted range, spreads nights, weekends,
holidays and working days evenly (with earlier periods' counts) and honours requested days off where it can
(all soft, weighted), for at most `polish_time_s`. Who may work which shift and day stays hard.
"""
import os
import time as clock
from collections import Counter
from datetime import date

from ortools.sat.python import cp_model

from hrapp.blueprints.roster.generation.model import RosterModel, greedy, topped_up
from hrapp.blueprints.roster.generation.problem import (
    FIXED_CELL,
    NOT_ALLOWED,
    ONE_SHIFT_PER_DAY,
    UNAVAILABLE,
    GenerationProblem,
    GenerationResult,
    Shortfall,
    facts_of,
    may_work,
    target_misses,
)
from hrapp.blueprints.roster.rules import Assignment, RosterFacts, check_roster


def _solver(p: GenerationProblem, seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, seconds)
    # More workers than cores only share the time out: each one then searches less.
    solver.parameters.num_workers = max(1, min(p.num_workers, os.cpu_count() or 1))
    solver.parameters.random_seed = p.random_seed
    return solver


def generate(p: GenerationProblem, allow_partial: bool = False) -> GenerationResult:
    """Solve `p`. Returns status "ok" with one cell per person and available day (work or `rest_code`), or
    "short" with the shortfalls (and, only if `allow_partial`, the best partial roster).

    :raise AssertionError: the solution breaks a hard rule (a bug in the model, never a user error).
    """
    began = clock.monotonic()
    model = RosterModel(p)
    start = greedy(p)
    _hint(model, lambda var, key: start.get(key[:2]) == key[2])
    counts = Counter((d, k) for (_, d), k in start.items())
    short = sum(max(0, model.p.demand.get(key, 0) - counts[key]) for key in model.slack)
    proven, solver = True, None
    if short:  # the quick start falls short: find the least shortfall the rules allow
        model.m.minimize(sum(model.slack.values()))
        solver = _solver(p, p.time_limit_s * 0.5)
        status = solver.solve(model.m)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            kind = "infeasible" if status == cp_model.INFEASIBLE else "unknown"
            return GenerationResult(kind, wall_time_s=clock.monotonic() - began)
        short, proven = int(solver.objective_value), status == cp_model.OPTIMAL
        # Start the polish from that roster plus extra shifts toward everyone's contracted days.
        found = topped_up(p, {key[:2]: key[2] for key, var in model.x.items()
                              if key[:2] not in p.fixed and solver.boolean_value(var)})
        _hint(model, lambda var, key: found.get(key[:2]) == key[2])
    if short == 0 or allow_partial:
        model.m.add(sum(model.slack.values()) <= short)
        model.m.minimize(model.fairness_objective())
        probe = _complete_hint(model, p)
        second = _solver(p, min(p.polish_time_s, p.time_limit_s - (clock.monotonic() - began)))
        status = second.solve(model.m)
        if status == cp_model.INFEASIBLE:
            return GenerationResult("infeasible", wall_time_s=clock.monotonic() - began)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and (
                probe is None or second.objective_value <= probe.objective_value):
            solver = second
        elif probe is not None:  # the polish found nothing as good as its start in the time it had
            solver = probe
    if solver is None:
        cells = _cells_of(model, lambda var, key: start.get(key[:2]) == key[2])
    else:
        cells = _cells_of(model, lambda var, key: solver.boolean_value(var))
    hard = [b for b in check_roster(cells, facts_of(p)) if b.is_hard and b.rule != "understaffed"]
    if hard:
        raise AssertionError(f"generator broke hard rules: {hard[:5]}")
    if short == 0:
        return GenerationResult("ok", tuple(cells), proven=proven, wall_time_s=clock.monotonic() - began,
                                target_misses=target_misses(p, cells), **wish_counts(p, cells))
    return GenerationResult("short", tuple(cells) if allow_partial else (), tuple(diagnose(p, cells)), proven,
                            clock.monotonic() - began, target_misses=target_misses(p, cells), **wish_counts(p, cells))


def wish_counts(p: GenerationProblem, cells: list[Assignment]) -> dict[str, int]:
    """How many requested days off of the period there are, and how many `cells` leave free of work."""
    days, staff = set(p.days), set(p.staff_ids)
    wishes = {(s, d) for s, d in p.requested_off if d in days and s in staff}
    working = {(a.staff_id, a.day) for a in cells if p.shifts[a.shift_code].is_work}
    return {"wishes": len(wishes), "wishes_met": len(wishes - working)}


def _hint(model: RosterModel, value) -> None:
    model.m.clear_hints()
    for key, var in model.x.items():
        model.m.add_hint(var, bool(value(var, key)))


def _complete_hint(model: RosterModel, p: GenerationProblem) -> cp_model.CpSolver | None:
    """Hint every variable, not only the cells: with a few workers CP-SAT may not complete a partial hint and
    then polishes from a worse start (seen: a month's working-day targets missed that the start met).
    Returns the solver holding the hinted start with its objective (None if the start is not feasible)."""
    probe = _solver(p, 2.0)
    probe.parameters.fix_variables_to_their_hinted_value = True
    if probe.solve(model.m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    values = [probe.value(model.m.get_int_var_from_proto_index(i)) for i in range(len(model.m.proto.variables))]
    model.m.clear_hints()
    for i, value in enumerate(values):
        model.m.add_hint(model.m.get_int_var_from_proto_index(i), value)
    return probe


def _cells_of(model: RosterModel, value) -> list[Assignment]:
    """One cell per person and day: fixed, else the work shift chosen, else rest (none when unavailable)."""
    p, cells = model.p, []
    for s in p.staff_ids:
        for d in p.days:
            code = p.fixed.get((s, d)) or next((k for k in model.work if value(model.x[s, d, k], (s, d, k))), None)
            if code is None and (s, d) not in p.unavailable:
                code = p.rest_code
            if code is not None:
                cells.append(Assignment(s, d, code))
    return cells


def diagnose(p: GenerationProblem, cells: list[Assignment]) -> list[Shortfall]:
    """For each understaffed (day, shift) of `cells`, why each other person could not take it.

    Reasons: the rule codes a move would break (rest_too_short, too_many_consecutive_days,
    weekly_hours_exceeded, ...), one_shift_per_day (already on another shift), fixed_cell, or the
    unavailability reason (on_leave, has_left, ...), or shift_not_allowed (the person's terms).
    """
    by_cell = {(a.staff_id, a.day): a.shift_code for a in cells}
    counts = Counter((a.day, a.shift_code) for a in cells)
    facts = facts_of(p)
    out: list[Shortfall] = []
    for d in p.days:
        for k, spec in p.shifts.items():
            need = p.demand.get((d, k), 0)
            if not spec.is_work or counts[(d, k)] >= need:
                continue
            reasons: Counter[str] = Counter()
            for s in p.staff_ids:
                if by_cell.get((s, d)) == k:
                    continue
                reasons.update(_why_not(p, facts, cells, by_cell, s, d, k))
            out.append(Shortfall(d, k, need, counts[(d, k)], tuple(reasons.most_common())))
    return out


def _why_not(p: GenerationProblem, facts: RosterFacts, cells: list[Assignment],
             by_cell: dict, s: int, d: date, k: str) -> set[str]:
    if (s, d) in p.unavailable_reasons or (s, d) in p.unavailable:
        return {p.unavailable_reasons.get((s, d), UNAVAILABLE)}
    if (s, d) in p.fixed:
        return {FIXED_CELL}
    if not may_work(p, s, d, k):
        return {NOT_ALLOWED}
    current = by_cell.get((s, d))
    if current is not None and p.shifts[current].is_work:
        return {ONE_SHIFT_PER_DAY}
    trial = [a for a in cells if a.staff_id == s and a.day != d] + [Assignment(s, d, k)]
    found = {b.rule for b in check_roster(trial, facts) if b.is_hard and b.staff_id == s}
    return found or {"unproven"}
