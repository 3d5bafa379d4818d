"""Rosters: shift types, rosters, rule checks, generation, swaps, requested days off, rest owed, ICS feed."""
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hrapp.blueprints.roster import access, api, demo
from hrapp.blueprints.roster.access import RosterPerm
from hrapp.blueprints.roster.documents import ROSTER
from hrapp.blueprints.roster.services import notify
from hrapp.blueprints.roster.workflow import DAY_OFF_WORKFLOW
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.core.workflow import available
from hrapp.permissions import has_perm

from .audit_labels import AUDIT
from .routes import bp


def day_off_steps(wish) -> list:
    """The steps the current user may take on a requested day off now (they drive its buttons)."""
    return available(DAY_OFF_WORKFLOW, wish, current_user)

MODULE = Module(
    name="roster",
    audit=AUDIT,
    label=_l("Rosters"),
    closable=True,
    blueprints=(bp,),
    api_blueprints=(api.bp, api.shifts_bp),
    report_types=(ROSTER,),
    grants=access.GRANTS,
    visibility=access.VISIBILITY,
    template_globals={**access.TEMPLATE_GLOBALS, "day_off_workflow": DAY_OFF_WORKFLOW, "day_off_steps": day_off_steps},
    nav=(
        NavEntry("roster.list_rosters", _l("Rosters"), lambda user: has_perm(user, RosterPerm.ROSTER_EDIT),
                 order=90, element_id="nav-rosters"),
        NavEntry("roster.show_my_schedule", _l("My schedule"),
                 lambda user: has_perm(user, RosterPerm.ROSTER_VIEW) and bool(getattr(user, "staff_id", None)),
                 order=120, element_id="nav-my-schedule"),
    ),
    notification_kinds=(
        NotificationKind(notify.PUBLISHED, _l("Roster published")),
        NotificationKind(notify.CHANGED, _l("Roster changed")),
        NotificationKind(notify.SWAP, _l("Shift swap")),
        NotificationKind(notify.DAY_OFF, _l("Requested day off")),
    ),
    seed_demo=demo.seed_demo,
    benches=("bench.roster", "bench.roster_large"),
)
