"""The leave requests part's URL map (blueprint `leave_requests`, under /leave/requests). Every view checks access
itself through hrapp.permissions and leave/access.py."""
from flask import Blueprint

from . import list_views, step_views, views

bp = Blueprint("leave_requests", __name__, url_prefix="/leave/requests")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/", list_views.list_requests, GET),
    ("/export.xlsx", list_views.export_requests, GET),
    ("/approvals", list_views.list_approvals, GET),
    ("/my", views.list_my_requests, GET),
    ("/new", views.request_leave, BOTH),
    ("/<int:request_id>", views.show_request, GET),
    ("/<int:request_id>/approve", step_views.approve_request, POST),
    ("/<int:request_id>/reject", step_views.reject_request, POST),
    ("/<int:request_id>/withdraw", step_views.withdraw_request, POST),
    ("/<int:request_id>/cancel", step_views.cancel_request, POST),
    ("/<int:request_id>/cut-short", step_views.cut_short_request, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
