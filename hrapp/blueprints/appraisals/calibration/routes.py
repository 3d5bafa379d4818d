"""The calibration part's URL map (blueprint `appraisal_calibration`, under /appraisals/calibration). Every view
checks access itself through appraisals/access.py and this part's access.py."""
from flask import Blueprint

from . import adjust_views, views

bp = Blueprint("appraisal_calibration", __name__, url_prefix="/appraisals/calibration")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/cycles/<int:cycle_id>", views.calibrate_cycle, GET),
    ("/cycles/<int:cycle_id>/results", views.list_results, GET),
    ("/cycles/<int:cycle_id>/results.<fmt>", views.export_results, GET),
    ("/appraisals/<int:appraisal_id>/adjust", adjust_views.adjust_result, BOTH),
    ("/appraisals/<int:appraisal_id>/undo", adjust_views.undo_adjustment, POST),
    ("/appraisals/<int:appraisal_id>/return", adjust_views.return_to_head, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
