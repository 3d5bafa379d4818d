"""The cycles part's URL map (blueprint `appraisal_cycles`, under /appraisals/cycles). Every view checks access
itself through hrapp.permissions and appraisals/access.py (cycles/access.py)."""
from flask import Blueprint

from . import edit_views, stage_views, views

bp = Blueprint("appraisal_cycles", __name__, url_prefix="/appraisals/cycles")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/", views.list_cycles, GET),
    ("/new", edit_views.new_cycle, BOTH),
    ("/<int:cycle_id>", views.show_cycle, GET),
    ("/<int:cycle_id>/edit", edit_views.edit_cycle, BOTH),
    ("/<int:cycle_id>/extend", edit_views.extend_deadline, POST),
    ("/<int:cycle_id>/add-person", edit_views.add_person, POST),
    ("/<int:cycle_id>/open", stage_views.open_cycle, POST),
    ("/<int:cycle_id>/head-scoring", stage_views.start_head_scoring, POST),
    ("/<int:cycle_id>/calibration", stage_views.start_calibration, POST),
    ("/<int:cycle_id>/publish", stage_views.publish_cycle, POST),
    ("/<int:cycle_id>/close", stage_views.close_cycle, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
