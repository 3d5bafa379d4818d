"""The outbox: when `notify` adds notifications, write the outward deliveries HR routes for their kind, in the
same transaction (they are rolled back with it). An e-mail per recipient whose staff record has an address, in
their language; one message per group robot of the recipients' departments (the nearest department up the
tree with an active robot), in the company's default language. Links go out only under PUBLIC_BASE_URL.
Nothing is sent here: the tick sends."""
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from hrapp.core.tree import path_ids
from hrapp.extensions import db
from hrapp.models import (
    Department,
    GroupRobot,
    Notification,
    NotificationRoute,
    OutwardChannel,
    OutwardDelivery,
    StaffMember,
    User,
)
from hrapp.notifications import kind_label, notifications_added

from .rules import nearest_robot_department


def routed_channels(kind: str) -> set[OutwardChannel]:
    """The channels HR routes notifications of `kind` to (empty: in-app only)."""
    return set(db.session.scalars(sa.select(NotificationRoute.channel).where(NotificationRoute.kind == kind)))


def absolute_link(link: str) -> str:
    """`link` as an address people can open from outside: PUBLIC_BASE_URL before a site path; an already
    absolute link as it is; "" (no link) for no link, or a site path when PUBLIC_BASE_URL is unset: a request's
    host is never used (its Host header is the client's to forge)."""
    if not link or "://" in link:
        return link
    base = current_app.config.get("PUBLIC_BASE_URL", "")
    return f"{base.rstrip('/')}{link}" if base else ""


def message_body(text: str, link: str) -> str:
    """The text, then the absolute link on its own line (none without one)."""
    address = absolute_link(link)
    return f"{text}\n{address}" if address else text


def default_locale() -> str:
    return current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")


def email_deliveries(rows: list[Notification], kind: str, text: Callable[[], str], link: str
                     ) -> list[OutwardDelivery]:
    """One e-mail per recipient with an address on their staff record, in their own language."""
    users = db.session.scalars(
        sa.select(User).join(User.staff).options(joinedload(User.staff))
        .where(User.id.in_([row.user_id for row in rows]), StaffMember.email != "")).all()
    by_user = {row.user_id: row for row in rows}
    texts: dict[str, tuple[str, str]] = {}  # locale -> (subject, body): the text is made once per language
    deliveries = []
    for user in users:
        locale = user.locale or default_locale()
        if locale not in texts:
            with force_locale(locale):
                texts[locale] = (_("%(kind)s: a new notification", kind=kind_label(kind)),
                                 message_body(str(text()), link))
        subject, body = texts[locale]
        deliveries.append(OutwardDelivery(
            notification_id=by_user[user.id].id, kind=kind, channel=OutwardChannel.EMAIL,
            recipient=user.staff.email, subject=subject[:200], body=body))
    return deliveries


def robots_for(user_ids: Iterable[int]) -> list[GroupRobot]:
    """The active robots of the nearest department (up the tree) of each recipient's department, each once."""
    paths = db.session.scalars(
        sa.select(Department.path).join(StaffMember, StaffMember.department_id == Department.id)
        .join(User, User.staff_id == StaffMember.id).where(User.id.in_(list(user_ids))).distinct()).all()
    chains = [path_ids(path) for path in paths]
    candidates = {dept for chain in chains for dept in chain}
    if not candidates:
        return []
    robots = db.session.scalars(sa.select(GroupRobot).where(
        GroupRobot.department_id.in_(candidates), GroupRobot.active.is_(True)).order_by(GroupRobot.id)).all()
    with_robot = {robot.department_id for robot in robots}
    chosen = {nearest_robot_department(chain, with_robot) for chain in chains} - {None}
    return [robot for robot in robots if robot.department_id in chosen]


def robot_deliveries(rows: list[Notification], kind: str, text: Callable[[], str], link: str
                     ) -> list[OutwardDelivery]:
    """One message per robot of the recipients' departments, in the company's default language."""
    robots = robots_for({row.user_id for row in rows})
    if not robots:
        return []
    with force_locale(default_locale()):
        body = message_body(str(text()), link)
    return [OutwardDelivery(kind=kind, channel=OutwardChannel.GROUP_ROBOT, robot_id=robot.id,
                            recipient=robot.name, body=body) for robot in robots]


def write_outbox(sender, rows: list[Notification], kind: str, text: Callable[[], str], link: str = "",
                 **_extra) -> list[OutwardDelivery]:
    """The `notifications_added` subscriber: add the deliveries HR routes for `kind` (none when unrouted)."""
    channels = routed_channels(kind)
    if not channels or not rows:
        return []
    db.session.flush()  # the notifications' ids, for the e-mails' notification_id
    deliveries = []
    if OutwardChannel.EMAIL in channels:
        deliveries += email_deliveries(rows, kind, text, link)
    if OutwardChannel.GROUP_ROBOT in channels:
        deliveries += robot_deliveries(rows, kind, text, link)
    db.session.add_all(deliveries)
    return deliveries


def connect() -> None:
    """Subscribe the outbox to `notifications_added` (idempotent; a module-level function, so a strong ref)."""
    notifications_added.connect(write_outbox, weak=False)
