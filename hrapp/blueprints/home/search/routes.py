"""Home — search: placeholder page."""
from flask import Blueprint, render_template
from flask_babel import gettext as _

from ..access import allowed_if, can_search_people

bp = Blueprint("home_search", __name__, url_prefix="/search")


@bp.route("/")
@allowed_if(can_search_people)
def search():
    """Placeholder."""
    return render_template("home/search/search.html", title=_("Home"))
