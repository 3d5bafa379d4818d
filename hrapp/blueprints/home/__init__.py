"""Home pages (工作台): each role's day on one page, the charts, and the people search.

Built in parts, each a sub-package declaring `PART = Module(...)`, combined here (hrapp.core.module.combine):
- staff_home/: the staff member's day (phone first): shifts, punch, the month's marks, balances, what waits;
- head_home/: the head's day board, approvals waiting, next month's roster, appraisal and training tasks;
- hr_home/: month-close readiness, reviews and appeals waiting, certificates, device ids, probation and
  contracts ending, the appraisal cycle's progress;
- admin_home/: the system's health (tick, job queue, devices, signing certificate, failed deliveries);
- charts/: the charts (ECharts), each with the table behind it;
- search/: one box that finds a person by name, pinyin, staff number or phone, within scope, as you type.
Shared: access.py (who opens what), routes.py (`/` shows the first home of `access.homes_for`).
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, combine

from . import access
from .admin_home import PART as ADMIN_HOME
from .charts import PART as CHARTS
from .head_home import PART as HEAD_HOME
from .hr_home import PART as HR_HOME
from .routes import bp
from .search import PART as SEARCH
from .staff_home import PART as STAFF_HOME

MODULE = combine(
    "home",
    (Module(name="home.dispatch", blueprints=(bp,)), STAFF_HOME, HEAD_HOME, HR_HOME, ADMIN_HOME, CHARTS, SEARCH),
    label=_l("Home"),
    template_globals=access.TEMPLATE_GLOBALS,
)
