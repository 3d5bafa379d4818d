"""Home — head home: placeholder page."""
from flask import Blueprint, render_template
from flask_login import current_user

from ..access import HEAD_HOME, allowed_if, can_open_head_home

bp = Blueprint("home_head", __name__, url_prefix="/home/head")


@bp.route("/")
@allowed_if(can_open_head_home)
def show():
    """Placeholder."""
    return render_template("home/head_home/home.html", home=HEAD_HOME, user=current_user, title=HEAD_HOME.label)
