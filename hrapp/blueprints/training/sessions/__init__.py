"""Training — sessions: time, place, capacity and trainer; enrolment by HR and heads, self-enrolment in open courses, the waiting list; clashes with rostered shifts and the training shift on the roster; invitations and reminders; the sessions API."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.blueprints.training.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask
from hrapp.permissions import has_perm

from . import api, demo
from .audit_labels import AUDIT
from .notices import INVITATION, REMINDER
from .reminders import remind_tomorrows_sessions
from .routes import bp


def _may_view(user) -> bool:
    return has_perm(user, TrainingPerm.VIEW)


PART = Module(
    name="training.sessions",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    nav=(
        NavEntry("training_sessions.list_sessions", _l("Sessions"), _may_view, order=203,
                 element_id="nav-training-sessions", menu=MENU),
        NavEntry("training_sessions.list_open_sessions", _l("Open sessions"), _may_view, order=204,
                 element_id="nav-training-open", menu=MENU),
    ),
    notification_kinds=(NotificationKind(INVITATION, _l("Training invitation")),
                        NotificationKind(REMINDER, _l("Training reminder"))),
    tick_tasks=(TickTask("training.session_reminders", remind_tomorrows_sessions),),
    benches=("bench.training_enrol",),
    seed_demo=demo.seed_demo,
)
