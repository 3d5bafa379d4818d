"""The violations part's URL map (blueprint `conduct_violations`); the views live in one module per topic."""
from flask import Blueprint

from hrapp.blueprints.conduct.violations import list_views, record_views, step_views

bp = Blueprint("conduct_violations", __name__, url_prefix="/conduct")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/violations/", "list_violations", list_views.list_violations, GET),
    ("/violations/proposals", "list_proposals", list_views.list_proposals, GET),
    ("/violations/new", "new_violation", record_views.new_violation, BOTH),
    ("/violations/<int:violation_id>", "show_violation", record_views.show_violation, GET),
    ("/violations/<int:violation_id>/confirm", "confirm_proposal", step_views.confirm_proposal_view, POST),
    ("/violations/<int:violation_id>/dismiss", "dismiss_proposal", step_views.dismiss_proposal_view, POST),
    ("/violations/<int:violation_id>/submit", "submit_violation", step_views.submit_violation_view, POST),
    ("/violations/<int:violation_id>/withdraw", "withdraw_violation", step_views.withdraw_violation_view, POST),
    ("/my/violations", "list_my_violations", list_views.list_my_violations, GET),
]
for url, endpoint, view, methods in URLS:
    bp.add_url_rule(url, endpoint, view, methods=methods)
