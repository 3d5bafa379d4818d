"""The people search: `/search/people?q=` (JSON, as the user types: the navbar box) and `/search/?q=` (the
results page, paginated; works without JavaScript). Both within the user's scope."""
from flask import Blueprint, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.core.people_match import MAX_QUERY, people_match
from hrapp.naming import display_name
from hrapp.permissions import rule_required

from ..access import can_search_people
from .services import matching_people, results_listing, suggestions

bp = Blueprint("home_search", __name__, url_prefix="/search")


def _typed() -> str:
    return (request.args.get("q") or "").strip()[:MAX_QUERY]


@bp.route("/")
@rule_required(can_search_people)
def search():
    """The people a query finds, best first, a page at a time."""
    query = _typed()
    match = people_match(query)
    page = results_listing(match).page(matching_people(current_user, match), request.args) if match else None
    return render_template("home/search/search.html", query=query, page=page, title=_("Find a person"))


def _suggestion(staff) -> dict:
    return {"id": staff.id, "name": staff.display_name, "staff_number": staff.staff_number,
            "department": display_name(staff.department), "position": display_name(staff.position),
            "url": url_for("staff.show_staff", staff_id=staff.id)}


@bp.route("/people")
@rule_required(can_search_people)
def people():
    """JSON: at most ten people the query finds, best first; `searched` is false (and no one found) for a query
    too short to search."""
    query = _typed()
    match = people_match(query)
    found = suggestions(current_user, match) if match else []
    return jsonify(query=query, searched=match is not None, results=[_suggestion(staff) for staff in found],
                   more_url=url_for(".search", q=query))
