"""The leave setup blueprint's URL map (the views live in type_views, blackout_views and balance_views)."""
from flask import Blueprint

from hrapp.blueprints.leave.setup import balance_views, blackout_views, type_views

bp = Blueprint("leave_setup", __name__, url_prefix="/leave")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/setup/types/", type_views.list_types, GET),
    ("/setup/types/new", type_views.create_type, BOTH),
    ("/setup/types/<int:type_id>/edit", type_views.edit_type, BOTH),
    ("/setup/types/<int:type_id>/deactivate", type_views.deactivate_type, POST),
    ("/setup/types/<int:type_id>/reactivate", type_views.reactivate_type, POST),
    ("/setup/types/<int:type_id>/delete", type_views.delete_type, POST),
    ("/setup/blackouts/", blackout_views.list_blackouts, GET),
    ("/setup/blackouts/new", blackout_views.create_blackout, BOTH),
    ("/setup/blackouts/<int:blackout_id>/edit", blackout_views.edit_blackout, BOTH),
    ("/setup/blackouts/<int:blackout_id>/delete", blackout_views.delete_blackout, POST),
    ("/balances", balance_views.list_balances, GET),
    ("/balances/export.xlsx", balance_views.export_balances, GET),
    ("/balances/grant", balance_views.grant_entitlements, POST),
    ("/balances/<int:staff_id>", balance_views.show_balances, GET),
    ("/balances/entitlements/<int:entitlement_id>/adjust", balance_views.adjust_entitlement, BOTH),
]

for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
