"""Sign-off's URL map (blueprint `appraisal_signoff`, under /appraisals/signoff). Every view checks access itself
through hrapp.permissions, appraisals/access.py and signoff/access.py."""
from flask import Blueprint

from . import views

bp = Blueprint("appraisal_signoff", __name__, url_prefix="/appraisals/signoff")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/appeals", views.list_appeals, GET),
    ("/<int:appraisal_id>/acknowledge", views.acknowledge_result, POST),
    ("/<int:appraisal_id>/appeal", views.appeal_result, POST),
    ("/<int:appraisal_id>/decide", views.decide_appeal, BOTH),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
