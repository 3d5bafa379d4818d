"""The appraisal rules' problems in the page's language (rules.Problem code -> catalogue text), and the
messages the parts share."""
from flask_babel import lazy_gettext as _l

from .rules import Problem

PROBLEMS = {
    "no_criteria": _l("An appraisal needs at least one criterion."),
    "weight_range": _l("Each weight must be above 0 and at most 100."),
    "weight_places": _l("Weights have at most 2 decimal places."),
    "weights_sum": _l("The weights add up to %(total)s, not exactly 100."),
    "level_range": _l("Choose a level from 1 to %(count)s."),
    "no_bands": _l("Give at least one scoring band."),
    "band_shape": _l("Each band is a threshold and a score."),
    "band_score_range": _l("A band's score lies between 0 and 100."),
    "band_threshold_twice": _l("Two bands have the same threshold."),
    "grade_bands_incomplete": _l("Give a lowest total for each grade, once."),
    "grade_band_range": _l("A grade's lowest total lies between 0 and 100."),
    "grade_bands_order": _l("Each grade's lowest total must be above the next grade's."),
    "grade_bands_zero": _l("The lowest grade starts at 0."),
    "guide_range": _l("Each share lies between 0 and 100."),
    "guide_sum": _l("The guide's shares add up to 100."),
}

# Shared by the parts.
DEADLINE_PASSED = _l("The deadline of this stage passed on %(day)s; ask HR to extend it.")
REASON_REQUIRED = _l("Please give a reason.")


def problem_text(problem: Problem) -> str:
    """The problem in the page's language (the code itself for one the catalogue lacks)."""
    text = PROBLEMS.get(problem.code)
    if text is None:
        return problem.code
    return str(text) % dict(problem.params) if problem.params else str(text)
