"""The time clock pages' URL map (the views live in views.py)."""
from flask import Blueprint

from hrapp.blueprints.attendance.clocks import views

bp = Blueprint("attendance_clocks", __name__, url_prefix="/attendance/devices")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    ("/", views.list_devices, GET),
    ("/new", views.create_device, BOTH),
    ("/<int:device_id>", views.show_device, GET),
    ("/<int:device_id>/edit", views.edit_device, BOTH),
    ("/<int:device_id>/deactivate", views.deactivate_device, POST),
    ("/<int:device_id>/reactivate", views.reactivate_device, POST),
    ("/<int:device_id>/token", views.replace_token, POST),
    ("/<int:device_id>/token/revoke", views.revoke_token, POST),
]

for rule, view, methods in URLS:
    bp.add_url_rule(rule, view.__name__, view, methods=methods)
