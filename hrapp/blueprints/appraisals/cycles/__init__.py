"""Appraisals — cycles: periods, stages and deadlines, opening a cycle (everyone's appraisal from their template, team appraisals), moving stages, extending deadlines, publishing, closing; reminders and overdue lists by tick; the cycles API."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask

from ..labels import MENU
from . import api, cli  # noqa: F401  (cli adds its commands to the appraisals group)
from .access import can_list_cycles
from .audit_labels import AUDIT
from .notices import KINDS
from .reminders import remind_deadlines
from .routes import bp

PART = Module(
    name="appraisals.cycles",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    nav=(NavEntry("appraisal_cycles.list_cycles", _l("Appraisal cycles"), can_list_cycles, order=301,
                  element_id="nav-appraisal-cycles", menu=MENU),),
    notification_kinds=tuple(NotificationKind(name, label) for name, label in KINDS),
    tick_tasks=(TickTask("appraisals.deadline_reminders", remind_deadlines),),
    benches=("bench.appraisal_open",),
)
