"""`/`: the first home page the signed-in person may open (`access.homes_for`), rendered in place."""
from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .access import homes_for

bp = Blueprint("home", __name__)


@bp.route("/")
@login_required
def home():
    """The role's own home page; an account with none (no staff record, no role page) gets a short note."""
    homes = homes_for(current_user)
    if not homes:
        return render_template("home/no_home.html", title=_("Home"))
    return current_app.view_functions[homes[0].endpoint]()
