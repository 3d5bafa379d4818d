"""Who may see and decide outcomes and improvement plans, built on appraisals/access.py: HR confirms or dismisses
outcomes; heads see their departments' outcomes read-only; heads and HR review improvement plans."""
from hrapp.blueprints.appraisals.access import (
    can_manage_appraisals,
    can_view_improvement_plan,
    can_view_result,
    leads_appraisals,
)
from hrapp.models import AppraisalOutcome, ImprovementPlan, ImprovementStatus, OutcomeStatus
from hrapp.permissions import heads_department, is_self


def can_view_outcome(user, outcome: AppraisalOutcome) -> bool:
    """HR all; heads their departments' (those whose result they may see); never the person's own page."""
    return leads_appraisals(user) and can_view_result(user, outcome.appraisal)


def can_decide_outcome(user, outcome: AppraisalOutcome) -> bool:
    """Confirming or dismissing a suggestion: HR (never on their own appraisal), while it is suggested."""
    person = outcome.appraisal.staff
    return (can_manage_appraisals(user) and outcome.status == OutcomeStatus.SUGGESTED
            and (person is None or not is_self(user, person)))


def can_review_plan(user, plan: ImprovementPlan) -> bool:
    """Recording the review of an open plan: HR, or a head of the person's department (never the person)."""
    if plan.status != ImprovementStatus.OPEN or not can_view_improvement_plan(user, plan) or is_self(user, plan.staff):
        return False
    return can_manage_appraisals(user) or (leads_appraisals(user) and heads_department(user, plan.staff.department))


TEMPLATE_GLOBALS = {
    "can_decide_outcome": can_decide_outcome,
    "can_review_plan": can_review_plan,
}
