"""Notifications outward: HR routes kinds of notification to e-mail and the departments' group robots; an
outbox written with each notification is sent by the tick, with retries; the administrator sees failures.
`failed_delivery_count()` is for other pages (the administrator's home)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry, TickTask
from hrapp.models import GroupRobot, OutwardDelivery

from . import (
    demo,
    labels,  # noqa: F401  (registers the enum labels)
    outbox,
)
from .access import OutwardPerm, can_manage_outward, can_watch_deliveries
from .audit_labels import AUDIT
from .routes import bp
from .sending import send_due
from .services import failed_delivery_count

__all__ = ["PART", "OutwardPerm", "failed_delivery_count"]

outbox.connect()

PART = Module(
    name="notifications.outward",
    blueprints=(bp,),
    audit=AUDIT,
    seed_demo=demo.seed_demo,
    benches=("bench.notifications_outward",),
    tick_tasks=(TickTask("notifications.send_outward", send_due),),
    visibility={GroupRobot: lambda user, robot: can_manage_outward(user),
                OutwardDelivery: lambda user, delivery: can_watch_deliveries(user)},
    nav=(NavEntry("notification_outward.edit_routes", _l("Outward notifications"), can_manage_outward, order=96,
                  element_id="nav-outward", menu=_l("Administration")),),
)
