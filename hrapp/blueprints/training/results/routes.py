"""The results part's URL map (blueprint `training_results`, under /training/results and /training/sign-in).
Every view checks access itself through hrapp.permissions and training/access.py."""
from flask import Blueprint

from . import attempt_views, certificate_views, session_views, signin_views

bp = Blueprint("training_results", __name__, url_prefix="/training")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/sign-in", signin_views.sign_in, BOTH),
    ("/results/sessions/<int:session_id>", session_views.show_session_results, GET),
    ("/results/sessions/<int:session_id>/all-present", session_views.mark_all_present, POST),
    ("/results/sessions/<int:session_id>/code", session_views.renew_signin_code, POST),
    ("/results/sessions/<int:session_id>/scores", session_views.record_score, POST),
    ("/results/enrolments/<int:enrolment_id>/presence", session_views.mark_presence, POST),
    ("/results/enrolments/<int:enrolment_id>/feedback", signin_views.give_session_feedback, BOTH),
    ("/results/attempts/<int:attempt_id>/edit", attempt_views.edit_score, BOTH),
    ("/results/certificates", certificate_views.list_certificates, GET),
    ("/results/certificates/export.xlsx", certificate_views.export_certificates, GET),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
