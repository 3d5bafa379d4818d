"""Code of conduct — review: what happens to a violation once submitted. The person acknowledges or appeals until
the deadline (silence acknowledges, by `tick`); HR confirms, adjusts (with a reason, within what the rule allows)
or voids, or refers an appeal to the general manager; a fine above the company cap needs a second approver; a
final violation's measure goes on the person's history. The record page (violations part) includes the panel
template conduct/review/_panel.html."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import can_review
from hrapp.blueprints.conduct.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask

from .audit_labels import AUDIT
from .messages import decision_label
from .panel import review_panel
from .queries import is_general_manager
from .routes import bp
from .services import notify
from .services.responses import acknowledge_overdue, remind_before_deadline

PART = Module(
    name="conduct.review",
    blueprints=(bp,),
    audit=AUDIT,
    nav=(
        NavEntry("conduct_review.list_queue", _l("Violations to review"), can_review, order=132, menu=MENU,
                 element_id="nav-conduct-review"),
        NavEntry("conduct_review.list_referred", _l("Appeals referred to me"), is_general_manager, order=133,
                 menu=MENU, element_id="nav-conduct-referred"),
    ),
    notification_kinds=(
        NotificationKind(notify.RESPONSE, _l("Response to a violation")),
        NotificationKind(notify.REFERRAL, _l("Violation decision asked of you")),
        NotificationKind(notify.DECISION, _l("Decision on a violation")),
        NotificationKind(notify.REMINDER, _l("Last day to respond to a violation")),
        NotificationKind(notify.SILENCE, _l("Violation acknowledged by silence")),
        NotificationKind(notify.MEASURE_DUE, _l("Disciplinary measure to decide")),
    ),
    tick_tasks=(TickTask("conduct.acknowledge_by_silence", acknowledge_overdue),
                TickTask("conduct.remind_deadline", remind_before_deadline)),
    template_globals={"review_panel": review_panel, "decision_label": decision_label},
)
