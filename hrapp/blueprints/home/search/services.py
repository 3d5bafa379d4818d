"""The people search's queries: the few best matches (as the user types) and the paginated results page,
always within the user's scope (`visible_staff`, shared with the staff list)."""
import sqlalchemy as sa

from hrapp.blueprints.staff.services import NAME_ORDER, visible_staff
from hrapp.core.listing import Listing
from hrapp.core.people_match import PeopleMatch
from hrapp.extensions import db
from hrapp.models import Department, StaffMember

SUGGESTIONS = 10


def matching_people(user, match: PeopleMatch) -> sa.Select:
    """The staff `user` may see that `match` finds, best first, with department and position loaded."""
    return visible_staff(user).where(match.clause).order_by(*match.order_by)


def suggestions(user, match: PeopleMatch, limit: int = SUGGESTIONS) -> list[StaffMember]:
    """At most `limit` people `match` finds within `user`'s scope, best first (one statement)."""
    return list(db.session.scalars(matching_people(user, match).limit(limit)).unique())


def results_listing(match: PeopleMatch) -> Listing:
    """The results page's listing: by relevance (the match's order) unless a column is asked for."""
    return Listing(sorts={
        "relevance": match.rank,
        "staff_number": StaffMember.staff_number,
        "name": NAME_ORDER,
        "department": Department.code,
    }, default_sort="relevance", tiebreak=(match.still_employed_first, StaffMember.staff_number, StaffMember.id))
