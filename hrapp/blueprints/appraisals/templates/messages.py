"""The template editor's problems in the page's language (its own rule codes, then the shared ones)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.appraisals.messages import problem_text as shared_problem_text
from hrapp.blueprints.appraisals.rules import Problem

PROBLEMS = {
    "levels_count": _l("Give %(min)s to %(max)s levels, one per line, lowest first."),
    "level_too_long": _l("A level's descriptor has at most %(max)s characters."),
    "level_twice": _l("Two levels have the same descriptor."),
    "band_line": _l("Write each band as a threshold and a score, e.g. \"95 80\": \"%(line)s\" is not."),
    "kind": _l("Choose a kind of criterion."),
    "metric": _l("Choose the system metric the criterion reads."),
    "kpi_code": _l("Give the code of the imported KPI, e.g. csat."),
    "target_range": _l("The target is a number below ten billion."),
    "self_scored": _l("Only ratings and KPIs can be part of the self-assessment."),
    "scope_both": _l("A template applies to a department or to a position, not both."),
    "team_position": _l("A team template applies to a department (or the company), not to a position."),
    "inactive": _l("The template is out of use."),
}

DUPLICATE_CODE = _l("This code is already used by another template.")
CRITERION_GONE = _l("That criterion was removed already.")


def problem_text(problem: Problem) -> str:
    """The problem in the page's language: the editor's own codes here, the others the module's."""
    text = PROBLEMS.get(problem.code)
    if text is None:
        return shared_problem_text(problem)
    return str(text) % dict(problem.params) if problem.params else str(text)


def problem_errors(problems: dict) -> dict[str, list[str]]:
    """field -> [message] for a dict of field -> Problem (the ValidationFailed shape)."""
    return {field: [problem_text(problem)] for field, problem in problems.items()}
