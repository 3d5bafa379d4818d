"""The metrics part's URL map (blueprint `appraisal_metrics`, under /appraisals/cycles/<id>/kpis). Every view
checks access itself through hrapp.permissions and metrics/access.py."""
from flask import Blueprint

from . import views

bp = Blueprint("appraisal_metrics", __name__, url_prefix="/appraisals/cycles/<int:cycle_id>/kpis")

GET, POST = ["GET"], ["POST"]
URLS = [
    ("", views.show_kpis, GET),
    ("/upload", views.upload_kpis, POST),
    ("/template.xlsx", views.kpi_template, GET),
    ("/metrics", views.refresh_cycle_metrics, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
