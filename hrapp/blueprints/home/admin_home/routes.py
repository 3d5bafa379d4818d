"""Home — admin home: placeholder page."""
from flask import Blueprint, render_template
from flask_login import current_user

from ..access import ADMIN_HOME, allowed_if, can_open_admin_home

bp = Blueprint("home_admin", __name__, url_prefix="/home/admin")


@bp.route("/")
@allowed_if(can_open_admin_home)
def show():
    """Placeholder."""
    return render_template("home/admin_home/home.html", home=ADMIN_HOME, user=current_user, title=ADMIN_HOME.label)
