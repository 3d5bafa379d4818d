"""Notifications outward: placeholder page."""
from flask import Blueprint, render_template
from flask_babel import gettext as _

from hrapp.permissions import Perm, permission_required

bp = Blueprint("notification_outward", __name__, url_prefix="/notifications/outward")


@bp.route("/deliveries")
@permission_required(Perm.SETTINGS_EDIT)
def list_deliveries():
    """Placeholder."""
    return render_template("notifications/outward/deliveries.html", title=_("Notifications"))
