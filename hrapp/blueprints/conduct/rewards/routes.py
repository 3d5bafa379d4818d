"""The rewards part's URL map (blueprint `conduct_rewards`, under /conduct): rewards, measures, a person's
conduct history. Every view checks access itself through hrapp.permissions and conduct/access.py."""
from flask import Blueprint

from hrapp.blueprints.conduct.rewards import measure_views, views

bp = Blueprint("conduct_rewards", __name__, url_prefix="/conduct")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/rewards/", views.list_rewards, GET),
    ("/rewards/new", views.new_reward, BOTH),
    ("/rewards/<int:reward_id>", views.show_reward, GET),
    ("/rewards/<int:reward_id>/submit", views.submit_reward, POST),
    ("/rewards/<int:reward_id>/approve", views.approve_reward, POST),
    ("/rewards/<int:reward_id>/reject", views.reject_reward, POST),
    ("/rewards/<int:reward_id>/withdraw", views.withdraw_reward, POST),
    ("/my/rewards", views.list_my_rewards, GET),
    ("/measures/", measure_views.list_measures, GET),
    ("/measures/new", measure_views.new_measure, BOTH),
    ("/measures/<int:measure_id>", measure_views.show_measure, GET),
    ("/measures/<int:measure_id>/revoke", measure_views.revoke, POST),
    ("/people/<int:staff_id>", measure_views.show_person, GET),
]
ENDPOINT_NAMES = {measure_views.revoke: "revoke_measure"}
for rule, view, methods in URLS:
    bp.add_url_rule(rule, ENDPOINT_NAMES.get(view, view.__name__), view, methods=methods)
