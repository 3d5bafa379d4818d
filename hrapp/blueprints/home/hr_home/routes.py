"""Home — hr home: placeholder page."""
from flask import Blueprint, render_template
from flask_login import current_user

from ..access import HR_HOME, allowed_if, can_open_hr_home

bp = Blueprint("home_hr", __name__, url_prefix="/home/hr")


@bp.route("/")
@allowed_if(can_open_hr_home)
def show():
    """Placeholder."""
    return render_template("home/hr_home/home.html", home=HR_HOME, user=current_user, title=HR_HOME.label)
