"""Appraisals — outcomes and history: reward proposals, training needs and improvement plans suggested by the company's rules and confirmed by HR; each person's results across cycles with a trend chart; the department report.

Importing the package connects the suggestion listeners (`appraisals_published`, `result_changed`)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.appraisals.access import AppraisalPerm, leads_appraisals
from hrapp.blueprints.appraisals.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask
from hrapp.models import AppraisalOutcome
from hrapp.permissions import has_perm

from . import queries, suggestions  # noqa: F401  (suggestions connects the listeners)
from .access import TEMPLATE_GLOBALS, can_view_outcome
from .audit_labels import AUDIT
from .plans import REVIEW_KIND, remind_reviews
from .routes import bp


def _has_own_history(user) -> bool:
    return has_perm(user, AppraisalPerm.VIEW) and getattr(user, "staff_id", None) is not None


PART = Module(
    name="appraisals.outcomes",
    audit=AUDIT,
    blueprints=(bp,),
    nav=(
        NavEntry("appraisal_outcomes.my_history", _l("My appraisal history"), _has_own_history, order=318,
                 element_id="nav-my-appraisal-history", menu=MENU),
        NavEntry("appraisal_outcomes.list_outcomes", _l("Appraisal outcomes"), leads_appraisals, order=350,
                 element_id="nav-appraisal-outcomes", menu=MENU),
        NavEntry("appraisal_outcomes.list_improvement_plans", _l("Improvement plans"),
                 lambda user: has_perm(user, AppraisalPerm.VIEW), order=352, element_id="nav-improvement-plans",
                 menu=MENU),
        NavEntry("appraisal_outcomes.department_report", _l("Appraisal report"), leads_appraisals, order=354,
                 element_id="nav-appraisal-report", menu=MENU),
    ),
    notification_kinds=(NotificationKind(REVIEW_KIND, _l("Improvement plan review")),),
    tick_tasks=(TickTask("appraisals.improvement_reviews", remind_reviews),),
    template_globals={**TEMPLATE_GLOBALS, "outcomes_of": queries.outcomes_of},
    visibility={AppraisalOutcome: can_view_outcome},
)
