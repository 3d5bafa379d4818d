"""The training records part's URL map (blueprint `training_records`): /training/records and
/training/inductions. Every view checks access itself through training/access.py."""
from flask import Blueprint

from . import induction_views, views

bp = Blueprint("training_records", __name__, url_prefix="/training")

GET, BOTH = ["GET"], ["GET", "POST"]
URLS = [
    ("/records/mine", views.show_my_record, GET),
    ("/records/<int:staff_id>", views.show_record, GET),
    ("/inductions", induction_views.list_inductions, GET),
    ("/inductions/export.xlsx", induction_views.export_inductions, GET),
    ("/inductions/<int:induction_id>/waive", induction_views.waive_induction, BOTH),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
