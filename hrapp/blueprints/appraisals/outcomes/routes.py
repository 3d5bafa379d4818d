"""The outcomes part's URL map (blueprint `appraisal_outcomes`): /appraisals/outcomes, /appraisals/history and
/appraisals/improvement-plans. Every view checks access itself through appraisals/access.py and ./access.py."""
from flask import Blueprint

from . import history_views, outcome_views, plan_views

bp = Blueprint("appraisal_outcomes", __name__, url_prefix="/appraisals")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/outcomes", outcome_views.list_outcomes, GET),
    ("/outcomes/<int:outcome_id>/confirm", outcome_views.confirm_outcome, BOTH),
    ("/outcomes/<int:outcome_id>/dismiss", outcome_views.dismiss_outcome, POST),
    ("/outcomes/report", history_views.department_report, GET),
    ("/outcomes/report.<fmt>", history_views.export_department_report, GET),
    ("/history/me", history_views.my_history, GET),
    ("/history/<int:staff_id>", history_views.person_history, GET),
    ("/improvement-plans", plan_views.list_improvement_plans, GET),
    ("/improvement-plans/<int:improvement_plan_id>", plan_views.show_improvement_plan, GET),
    ("/improvement-plans/<int:improvement_plan_id>/review", plan_views.review_improvement_plan, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
