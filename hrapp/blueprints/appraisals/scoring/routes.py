"""The scoring part's URL map (blueprint `appraisal_scoring`, under /appraisals). Every view checks access
itself through hrapp.permissions and appraisals/access.py."""
from flask import Blueprint

from . import peer_views, scoring_views, views

bp = Blueprint("appraisal_scoring", __name__, url_prefix="/appraisals")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/<int:appraisal_id>", views.show_appraisal, GET),
    ("/my", views.list_my_appraisals, GET),
    ("/to-score", views.list_to_score, GET),
    ("/<int:appraisal_id>/self", scoring_views.self_assess, BOTH),
    ("/<int:appraisal_id>/self/submit", scoring_views.submit_self_assessment, POST),
    ("/<int:appraisal_id>/score", scoring_views.score_appraisal, BOTH),
    ("/<int:appraisal_id>/score/submit", scoring_views.submit_head_scoring, POST),
    ("/<int:appraisal_id>/peer-feedback", peer_views.give_peer_feedback, BOTH),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
