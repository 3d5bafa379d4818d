"""Home — charts: attendance, lateness, violations, rewards against fines, appraisal grades and training hours,
each an ECharts chart with the table behind it and its CSV/XLSX export, within the viewer's scope."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry
from hrapp.permissions import Perm, has_perm

from .routes import bp


def shows_charts_link(user) -> bool:
    """The navigation's link: whoever may look at people (HR, administrators, heads). No query, so that every
    page's budget stays as it was; the page itself applies `can_view_charts` (a head without departments: 403)."""
    return has_perm(user, Perm.STAFF_VIEW)


PART = Module(
    name="home.charts",
    blueprints=(bp,),
    nav=(NavEntry("home_charts.index", _l("Charts"), shows_charts_link, order=15, element_id="nav-charts"),),
    benches=("bench.home_charts",),
)
