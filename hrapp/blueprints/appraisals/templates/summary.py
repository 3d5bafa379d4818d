"""What the template list and page show about a template beyond its columns: what it applies to, its criteria
count, the weights' sum written out and whether cycles may use it, its grades, its KPIs' targets."""
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _

from hrapp.models import AppraisalTemplate, Grade
from hrapp.naming import display_name

from . import rules, services
from .messages import problem_text


@dataclass(frozen=True)
class TemplateSummary:
    applies_to: str
    criteria: int
    weight_sum: Decimal
    weights_ok: bool
    weights_text: str  # "33.33 × 3 = 99.99"
    weights_problem: str  # why the weights cannot stand, in the page's language ("" when they can)
    problem: str  # why a cycle cannot use it ("" when it can)
    grades: tuple  # (Grade, lowest total as text), best first
    targets: dict  # criterion id -> its target as text


def applies_to(template: AppraisalTemplate) -> str:
    """"Position …", "Department …" or "Company-wide", in the page's language."""
    if template.position is not None:
        return _("Position %(name)s", name=display_name(template.position))
    if template.department is not None:
        return _("Department %(name)s", name=display_name(template.department))
    return _("Company-wide")


def summary_of(template: AppraisalTemplate) -> TemplateSummary:
    """The template's summary (criteria must be loaded or loadable)."""
    weights = [criterion.weight for criterion in template.criteria]
    problem, weights_problem = services.template_problem(template), rules.weights_problem(weights)
    return TemplateSummary(
        applies_to=applies_to(template), criteria=len(weights), weight_sum=rules.weights_sum(weights),
        weights_ok=weights_problem is None, weights_text=rules.weights_sum_text(weights),
        weights_problem=problem_text(weights_problem) if weights_problem else "",
        problem=problem_text(problem) if problem else "",
        grades=tuple((Grade(grade), rules.plain(low)) for grade, low in rules.grade_lows(template.grade_bands).items()),
        targets={c.id: rules.plain(c.target) for c in template.criteria if c.target is not None})
