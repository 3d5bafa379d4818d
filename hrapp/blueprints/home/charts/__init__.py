"""Home — charts: attendance, lateness, violations, rewards against fines, appraisal grades and training hours,
each an ECharts chart with the table behind it and its CSV/XLSX export, within the viewer's scope."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry

from ..access import can_view_charts
from .routes import bp

PART = Module(
    name="home.charts",
    blueprints=(bp,),
    nav=(NavEntry("home_charts.index", _l("Charts"), can_view_charts, order=15, element_id="nav-charts"),),
    benches=("bench.home_charts",),
)
