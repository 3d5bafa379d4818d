"""Leave — setup: the types HR edits, yearly entitlements (statutory annual days, proration, carry-over,
adjustments; granted by `leave grant YEAR` and, for new hires and the new year, by the tick), blackout periods
(`services.blackout_for` is the check the requests part makes), everyone's balances (page, XLSX, API)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.leave.access import LeavePerm
from hrapp.blueprints.leave.labels import MENU
from hrapp.core.module import Module, NavEntry, TickTask
from hrapp.models import LeaveBlackout
from hrapp.permissions import has_perm

from . import api, cli, demo  # noqa: F401  (cli adds its command to the leave group)
from .audit_labels import AUDIT
from .granting import grant_new_hires
from .queries import can_view_blackout
from .routes import bp

PART = Module(
    name="leave.setup",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp, api.me_bp),
    nav=(
        NavEntry("leave_setup.list_balances", _l("Balances"), lambda user: has_perm(user, LeavePerm.REQUEST),
                 order=182, element_id="nav-leave-balances", menu=MENU),
        NavEntry("leave_setup.list_blackouts", _l("Blackout periods"),
                 lambda user: has_perm(user, LeavePerm.APPROVE), order=188, element_id="nav-leave-blackouts",
                 menu=MENU),
        NavEntry("leave_setup.list_types", _l("Leave types"), lambda user: has_perm(user, LeavePerm.MANAGE),
                 order=189, element_id="nav-leave-types", menu=MENU),
    ),
    tick_tasks=(TickTask("leave.grant_new_hires", grant_new_hires),),
    visibility={LeaveBlackout: can_view_blackout},
    seed_demo=demo.seed_demo,
)
