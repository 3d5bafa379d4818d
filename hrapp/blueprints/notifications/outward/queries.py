"""What the outward pages read: the kinds with their routes, the robots with their departments, the outbox
as a filtered, paged list. Reads only."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.core.listing import Filter, Listing
from hrapp.extensions import db
from hrapp.models import DeliveryStatus, Department, GroupRobot, OutwardChannel, OutwardDelivery
from hrapp.notifications import notification_kinds

DELIVERIES = Listing(
    sorts={"created": OutwardDelivery.created_at, "next": OutwardDelivery.next_attempt_at,
           "attempts": OutwardDelivery.attempts, "kind": OutwardDelivery.kind},
    default_sort="-created",
    tiebreak=(OutwardDelivery.id.desc(),),
    filters=(
        Filter("status", lambda q, v: q.where(OutwardDelivery.status == v), DeliveryStatus, max_length=12),
        Filter("channel", lambda q, v: q.where(OutwardDelivery.channel == v), OutwardChannel, max_length=12),
        Filter("kind", lambda q, v: q.where(OutwardDelivery.kind == v), max_length=40),
    ),
)


def deliveries_query() -> sa.Select:
    """Every delivery, its robot loaded."""
    return sa.select(OutwardDelivery).options(joinedload(OutwardDelivery.robot))


def kinds_in_order() -> list[tuple[str, object]]:
    """(name, label) of every registered notification kind, by name."""
    return sorted(notification_kinds().items())


def robots() -> list[GroupRobot]:
    """Every robot with its department, by department code, active first, then name."""
    return list(db.session.scalars(
        sa.select(GroupRobot).join(GroupRobot.department).options(joinedload(GroupRobot.department))
        .order_by(Department.code, GroupRobot.active.desc(), GroupRobot.name)))


def departments() -> list[Department]:
    """The departments a robot may belong to, by code."""
    return list(db.session.scalars(sa.select(Department).order_by(Department.code)))
