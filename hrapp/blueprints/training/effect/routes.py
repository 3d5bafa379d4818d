"""The effect part's URL map (blueprint `training_effect`, under /training/effect). Every view checks access
itself through training/access.py."""
from flask import Blueprint

from . import views

bp = Blueprint("training_effect", __name__, url_prefix="/training/effect")

GET = ["GET"]
URLS = [
    ("/", views.list_effects, GET),
    ("/courses/<int:course_id>", views.show_course_effect, GET),
    ("/sessions/<int:session_id>", views.show_session_effect, GET),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
