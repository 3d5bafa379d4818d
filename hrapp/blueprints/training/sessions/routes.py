"""The sessions part's URL map (blueprint `training_sessions`, under /training/sessions). Every view checks access
itself through hrapp.permissions and training/access.py."""
from flask import Blueprint

from . import edit_views, enrol_views, views

bp = Blueprint("training_sessions", __name__, url_prefix="/training/sessions")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/", views.list_sessions, GET),
    ("/open", views.list_open_sessions, GET),
    ("/my", views.list_my_sessions, GET),
    ("/new", edit_views.new_session, BOTH),
    ("/<int:session_id>", views.show_session, GET),
    ("/<int:session_id>/edit", edit_views.edit_session, BOTH),
    ("/<int:session_id>/enrol", enrol_views.enrol_people, BOTH),
    ("/<int:session_id>/enrol-self", enrol_views.enrol_self, POST),
    ("/<int:session_id>/roster", edit_views.put_session_on_roster, POST),
    ("/<int:session_id>/cancel", edit_views.cancel_training_session, POST),
    ("/places/<int:enrolment_id>/cancel", enrol_views.cancel_enrolment, POST),
]
for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
