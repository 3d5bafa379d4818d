"""The catalogue blueprint's URL map (the views live in rule_views and settings_views)."""
from flask import Blueprint

from hrapp.blueprints.conduct.catalogue import rule_views, settings_views

bp = Blueprint("conduct_catalogue", __name__, url_prefix="/conduct")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/rules/", rule_views.list_rules, GET),
    ("/rules/new", rule_views.create_rule, BOTH),
    ("/rules/standard", rule_views.load_standard_catalogue, POST),
    ("/rules/<int:rule_id>", rule_views.show_rule, GET),
    ("/rules/<int:rule_id>/versions/<int:number>", rule_views.show_rule_version, GET),
    ("/rules/<int:rule_id>/edit", rule_views.edit_rule, BOTH),
    ("/rules/<int:rule_id>/deactivate", rule_views.deactivate_rule, POST),
    ("/rules/<int:rule_id>/reactivate", rule_views.reactivate_rule, POST),
    ("/settings", settings_views.edit_settings, BOTH),
]

for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
