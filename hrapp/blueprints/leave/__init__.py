"""Leave (请假): types with the PRC defaults, yearly entitlements and balances, requests on the shared workflow,
blackout periods. The one notion of leave: the roster reads approved requests as absences, attendance marks the
day 假, the monthly sheet counts them by type.

Built in parts, each a sub-package declaring `PART = Module(...)`, combined here (hrapp.core.module.combine):
- setup/: the types HR edits, entitlements (grant, proration, carry-over, adjustment), blackouts, balances;
- requests/: requests, the decision steps, withdrawal and cancellation, the API, the demo data.
Shared by the parts: access.py, labels.py, rules.py (pure arithmetic), balances.py (balances as of a day),
defaults.py (the PRC default types), signals.py (`leave_changed`), cli.py (the `leave` command group).
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import combine

from . import access, labels  # noqa: F401  (labels registers the enum labels)
from .cli import leave_group
from .requests import PART as REQUESTS
from .setup import PART as SETUP

MODULE = combine(
    "leave",
    (SETUP, REQUESTS),
    label=_l("Leave"),
    grants=access.GRANTS,
    visibility=access.VISIBILITY,
    template_globals=access.TEMPLATE_GLOBALS,
    cli=(leave_group,),
)
