"""Home — charts: placeholder page."""
from flask import Blueprint, render_template
from flask_babel import gettext as _

from ..access import allowed_if, can_view_charts

bp = Blueprint("home_charts", __name__, url_prefix="/charts")


@bp.route("/")
@allowed_if(can_view_charts)
def index():
    """Placeholder."""
    return render_template("home/charts/index.html", title=_("Home"))
