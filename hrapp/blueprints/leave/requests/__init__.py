"""Leave — requests: asking for leave (balances shown, days counted on the person's roster or the company's
calendar), the head's (and HR's) decision on the shared workflow, withdrawal, cancellation and cutting short, HR
recording leave directly; what approved leave does to the roster (the 假 marker), rest owed and attendance; the
pages, the API and the demo requests."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.leave.access import LeavePerm, can_manage_leave
from hrapp.blueprints.leave.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.permissions import has_perm

from . import api, demo
from .attachments import NOTES
from .audit_labels import AUDIT
from .messages import days_text
from .routes import bp
from .workflow import LEAVE_KIND

PART = Module(
    name="leave.requests",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp, api.me_bp),
    template_globals={"leave_days": days_text},
    attachment_owners=(NOTES,),
    nav=(
        NavEntry("leave_requests.list_my_requests", _l("My leave"), lambda user: has_perm(user, LeavePerm.REQUEST),
                 order=191, element_id="nav-my-leave", menu=MENU),
        NavEntry("leave_requests.list_approvals", _l("Leave approvals"),
                 lambda user: has_perm(user, LeavePerm.APPROVE), order=193, element_id="nav-leave-approvals",
                 menu=MENU),
        NavEntry("leave_requests.list_requests", _l("All leave"), can_manage_leave, order=195,
                 element_id="nav-all-leave", menu=MENU),
    ),
    notification_kinds=(NotificationKind(LEAVE_KIND, _l("Leave request")),),
    seed_demo=demo.seed_demo,
)
