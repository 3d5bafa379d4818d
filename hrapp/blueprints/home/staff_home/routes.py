"""Home — staff home: placeholder page."""
from flask import Blueprint, render_template
from flask_login import current_user

from ..access import STAFF_HOME, allowed_if, can_open_staff_home

bp = Blueprint("home_staff", __name__, url_prefix="/home/me")


@bp.route("/")
@allowed_if(can_open_staff_home)
def show():
    """Placeholder."""
    return render_template("home/staff_home/home.html", home=STAFF_HOME, user=current_user, title=STAFF_HOME.label)
