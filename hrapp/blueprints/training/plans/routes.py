"""The training plans part's URL map (blueprint `training_plans`, under /training/plans and /training/needs).
Every view checks access itself through training/access.py."""
from flask import Blueprint

from . import item_views, need_views, plan_views, step_views

bp = Blueprint("training_plans", __name__, url_prefix="/training")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/plans/", plan_views.list_plans, GET),
    ("/plans/new", plan_views.create_plan, BOTH),
    ("/plans/<int:plan_id>", plan_views.show_plan, GET),
    ("/plans/<int:plan_id>/edit", plan_views.edit_plan, BOTH),
    ("/plans/<int:plan_id>/fill", plan_views.fill_plan, POST),
    ("/plans/<int:plan_id>/items/new", item_views.add_plan_item, BOTH),
    ("/plans/items/<int:item_id>/edit", item_views.edit_plan_item, BOTH),
    ("/plans/items/<int:item_id>/remove", item_views.remove_plan_item, POST),
    ("/plans/<int:plan_id>/submit", step_views.submit_plan, POST),
    ("/plans/<int:plan_id>/approve", step_views.approve_plan, POST),
    ("/plans/<int:plan_id>/return", step_views.return_plan, POST),
    ("/plans/<int:plan_id>/reopen", step_views.reopen_plan, POST),
    ("/needs/", need_views.list_needs, GET),
    ("/needs/new", need_views.create_need, BOTH),
    ("/needs/<int:need_id>/dismiss", need_views.dismiss_need, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
