"""Attendance (考勤): time clocks and punches from every source, reconciliation against the roster, the day board.

Built in parts, each a sub-package declaring `PART = Module(...)`, combined here into the one registered module
(hrapp.core.module.combine):
- clocks/: registered time clocks, the ZKTeco ADMS push protocol (/iclock), the punches API for integrations;
- capture/: the staff member's punch button, importing device exports, device user ids and unmapped ids;
- reconcile/: reading punches against rostered shifts (pure rules + the service), re-reconciling what a change
  touches, the days API and the `attendance reconcile` command;
- board/: the head's day board and month, the staff member's own attendance, HR's overview and settings;
- overtime/: heads and HR approve a day's overtime where the company needs approval (reconciliation reads it);
- corrections/: missing-punch corrections (补卡), the head's decision, HR's corrections;
- sheet/: the monthly attendance sheet, its signed PDF, XLSX and payroll export, the month close's checks;
- proposals/: lateness and absence proposed as violations under the code of conduct; the demo punches.
Shared by the parts: access.py, labels.py, settings.py (the windows), punch_store.py (the one way punches are
stored), signals.py (`days_reconciled`), cli.py (the `attendance` command group).
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import combine

from . import access, labels  # noqa: F401  (labels registers the enum labels)
from .board import PART as BOARD
from .capture import PART as CAPTURE
from .cli import attendance_group
from .clocks import PART as CLOCKS
from .corrections import PART as CORRECTIONS
from .overtime import PART as OVERTIME
from .proposals import PART as PROPOSALS
from .reconcile import PART as RECONCILE
from .sheet import PART as SHEET

MODULE = combine(
    "attendance",
    (CLOCKS, CAPTURE, RECONCILE, BOARD, OVERTIME, CORRECTIONS, SHEET, PROPOSALS),
    label=_l("Attendance"),
    closable=True,
    grants=access.GRANTS,
    visibility=access.VISIBILITY,
    template_globals=access.TEMPLATE_GLOBALS,
    cli=(attendance_group,),
)
