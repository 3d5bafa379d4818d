"""Roster generation with OR-Tools CP-SAT over plain data (see solve.py for the method)."""
from hrapp.blueprints.roster.generation.model import greedy
from hrapp.blueprints.roster.generation.problem import (
    FIXED_CELL,
    NOT_ALLOWED,
    ONE_SHIFT_PER_DAY,
    UNAVAILABLE,
    FairnessCounts,
    GenerationProblem,
    GenerationResult,
    Shortfall,
    facts_of,
)
from hrapp.blueprints.roster.generation.solve import diagnose, generate

__all__ = ["FIXED_CELL", "NOT_ALLOWED", "ONE_SHIFT_PER_DAY", "UNAVAILABLE", "FairnessCounts", "GenerationProblem",
           "GenerationResult", "Shortfall", "diagnose", "facts_of", "generate", "greedy"]
