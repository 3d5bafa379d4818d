"""Staff records: the list, a person's file and history, self-service contact details, the record card."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import Perm, has_perm

from .routes import bp

MODULE = Module(
    name="staff",
    blueprints=(bp,),
    api_blueprints=("hrapp.blueprints.api.staff:bp",),
    report_types=(STAFF_CARD,),
    benches=("bench.staff_list",),
    nav=(
        NavEntry("staff.list_staff", _l("Staff"), lambda user: has_perm(user, Perm.STAFF_VIEW), order=10),
        NavEntry("staff.my_profile", _l("My record"), lambda user: bool(getattr(user, "staff_id", None)), order=80),
    ),
)
