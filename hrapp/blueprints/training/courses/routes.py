"""The courses blueprint's URL map (the views live in course_views and required_views)."""
from flask import Blueprint

from . import course_views, required_views

bp = Blueprint("training_courses", __name__, url_prefix="/training/courses")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/", course_views.list_courses, GET),
    ("/new", course_views.create_course, BOTH),
    ("/<int:course_id>", course_views.show_course, GET),
    ("/<int:course_id>/edit", course_views.edit_course, BOTH),
    ("/<int:course_id>/deactivate", course_views.deactivate_course, POST),
    ("/<int:course_id>/reactivate", course_views.reactivate_course, POST),
    ("/<int:course_id>/positions/add", required_views.add_required_position, POST),
    ("/<int:course_id>/positions/<int:row_id>/remove", required_views.remove_required_position, POST),
    ("/positions/<int:position_id>", required_views.show_position_courses, GET),
]

for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
