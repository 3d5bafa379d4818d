"""Code of conduct — rewards (commendation, bonus, promotion recommendation: proposed by heads, approved by HR or
the general manager) and the other measures on a person's history (warnings, demotion, transfer, unpaid
suspension, dismissal), with a person's conduct history page and the rewards API."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.labels import MENU
from hrapp.blueprints.conduct.rewards import api
from hrapp.blueprints.conduct.rewards.audit_labels import AUDIT
from hrapp.blueprints.conduct.rewards.history import can_view_history
from hrapp.blueprints.conduct.rewards.routes import bp
from hrapp.blueprints.conduct.rewards.workflow import REWARD_KIND
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.permissions import has_perm

PART = Module(
    name="conduct.rewards",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp, api.me_bp),
    template_globals={"can_view_conduct_history": can_view_history},
    nav=(
        NavEntry("conduct_rewards.list_rewards", _l("Rewards"), lambda user: has_perm(user, ConductPerm.RECORD),
                 order=142, element_id="nav-conduct-rewards", menu=MENU),
        NavEntry("conduct_rewards.list_my_rewards", _l("My rewards"),
                 lambda user: has_perm(user, ConductPerm.VIEW) and bool(getattr(user, "staff_id", None)),
                 order=146, element_id="nav-my-rewards", menu=MENU),
        NavEntry("conduct_rewards.list_measures", _l("Measures"), lambda user: has_perm(user, ConductPerm.REVIEW),
                 order=148, element_id="nav-conduct-measures", menu=MENU),
    ),
    notification_kinds=(NotificationKind(REWARD_KIND, _l("Reward")),),
)
