"""The templates blueprint's URL map (the views live in template_views and criterion_views)."""
from flask import Blueprint

from . import criterion_views, template_views

bp = Blueprint("appraisal_templates", __name__, url_prefix="/appraisals/templates")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
CRITERION = "/<int:template_id>/criteria/<int:criterion_id>"
URLS = [
    ("/", template_views.list_templates, GET),
    ("/new", template_views.new_template, BOTH),
    ("/<int:template_id>", template_views.show_template, GET),
    ("/<int:template_id>/edit", template_views.edit_template, BOTH),
    ("/<int:template_id>/copy", template_views.copy_template, BOTH),
    ("/<int:template_id>/activate", template_views.activate_template, POST),
    ("/<int:template_id>/deactivate", template_views.deactivate_template, POST),
    ("/<int:template_id>/criteria/new", criterion_views.add_criterion, BOTH),
    (f"{CRITERION}/edit", criterion_views.edit_criterion, BOTH),
    (f"{CRITERION}/remove", criterion_views.remove_criterion, POST),
    (f"{CRITERION}/up", criterion_views.move_criterion_up, POST),
    (f"{CRITERION}/down", criterion_views.move_criterion_down, POST),
]

for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
