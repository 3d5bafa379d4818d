"""HR's outward settings and the administrator's outbox: which kinds go out by which channel, the departments'
group robots (add, edit, deactivate, a test message), and a failed delivery's retry. Never commits; the actor
is passed in; changes are audited."""
import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.core.errors import StaleRecord, check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import FORM, ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    DeliveryStatus,
    Department,
    GroupRobot,
    NotificationRoute,
    OutwardChannel,
    OutwardDelivery,
    RobotPlatform,
    utcnow,
)
from hrapp.notifications import GENERAL

from .rules import webhook_allowed

ROBOT_DEACTIVATED = "the group robot was deactivated"  # a delivery's error: kept untranslated, like the channels'
ROBOT_FIELDS = ("department_id", "platform", "name", "active")  # never the webhook address or the secret
DUPLICATE_ROBOT = unique_field("uq_group_robots_department_name", "name",
                               _l("This department already has a robot of that name."))


@dataclass(frozen=True)
class RobotDraft:
    """A robot's settings as entered; an empty `webhook_url` or `secret` on an edit keeps the current one."""

    department_id: int | None
    platform: str
    name: str
    webhook_url: str
    secret: str
    clear_secret: bool = False


def current_routes() -> set[tuple[str, OutwardChannel]]:
    """Every (kind, channel) HR routes outward."""
    return {(kind, channel) for kind, channel in db.session.execute(
        sa.select(NotificationRoute.kind, NotificationRoute.channel))}


def routes_version(routes: set[tuple[str, OutwardChannel]] | None = None) -> str:
    """The version of the routes as a page shows them (routes have no version row): a fingerprint of every
    (kind, channel), which any change made meanwhile changes."""
    routes = current_routes() if routes is None else routes
    text = "\n".join(sorted(f"{kind}|{channel.value}" for kind, channel in routes))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def save_routes(actor, wanted: set[tuple[str, OutwardChannel]], kinds, expected_version: str | None) -> tuple[int, int]:
    """Make the routes of the known `kinds` exactly `wanted` (routes of other kinds stay), each added or removed
    route audited; returns (added, removed).

    :raise StaleRecord: the routes changed since the page showed `expected_version` (None: no page, e.g. the CLI).
    """
    if expected_version is not None and expected_version != routes_version():
        raise StaleRecord()
    wanted = {(kind, channel) for kind, channel in wanted if kind in kinds}
    existing = {(route.kind, route.channel): route for route in db.session.scalars(sa.select(NotificationRoute))
                if route.kind in kinds}
    added = sorted(wanted - set(existing))
    removed = [route for key, route in existing.items() if key not in wanted]
    for kind, channel in added:
        route = NotificationRoute(kind=kind, channel=channel, created_by_id=actor.id)
        db.session.add(route)
        audit.record(actor, "notification_route.add", route, None, {"kind": kind, "channel": channel.value},
                     label=kind)
    for route in removed:
        audit.record(actor, "notification_route.remove", route, {"kind": route.kind, "channel": route.channel.value},
                     None, label=route.kind)
        db.session.delete(route)
    db.session.flush()
    return len(added), len(removed)


def _check(draft: RobotDraft, robot: GroupRobot | None) -> None:
    errors: dict[str, list[str]] = {}
    if draft.department_id is None or db.session.get(Department, draft.department_id) is None:
        errors["department_id"] = [_("Choose a department.")]
    if draft.platform not in RobotPlatform._value2member_map_:
        errors["platform"] = [_("Choose a platform.")]
    if not draft.name.strip():
        errors["name"] = [_("Give the robot a name.")]
    if robot is None and not draft.webhook_url:
        errors["webhook_url"] = [_("Paste the robot's webhook address.")]
    if draft.webhook_url and not webhook_allowed(draft.webhook_url,
                                                 current_app.config.get("OUTWARD_ALLOW_HTTP_LOOPBACK", False)):
        errors["webhook_url"] = [_("A webhook address starts with https://.")]
    if errors:
        raise ValidationFailed(errors)


def create_robot(actor, draft: RobotDraft) -> GroupRobot:
    """Add a department's group robot. :raise ValidationFailed: a field is missing or wrong."""
    _check(draft, None)
    robot = GroupRobot(department_id=draft.department_id, platform=RobotPlatform(draft.platform),
                       name=draft.name.strip(), webhook_url=draft.webhook_url, secret=draft.secret,
                       created_by_id=actor.id)
    db.session.add(robot)
    db.session.flush()
    audit.record(actor, "group_robot.create", robot, None, audit.snapshot(robot, ROBOT_FIELDS), label=robot.name)
    return robot


def update_robot(actor, robot: GroupRobot, draft: RobotDraft, expected_version: int) -> GroupRobot:
    """Change a robot's settings (the address and secret only when new ones are given).

    :raise StaleRecord: the robot changed since the form was loaded. :raise ValidationFailed: a bad field.
    """
    check_version(robot, expected_version)
    _check(draft, robot)
    before = audit.snapshot(robot, ROBOT_FIELDS) | {"webhook_changed": False}
    robot.department_id, robot.platform = draft.department_id, RobotPlatform(draft.platform)
    robot.name = draft.name.strip()
    if draft.webhook_url:
        robot.webhook_url = draft.webhook_url
    if draft.secret or draft.clear_secret:
        robot.secret = "" if draft.clear_secret else draft.secret
    after = audit.snapshot(robot, ROBOT_FIELDS) | {"webhook_changed": bool(draft.webhook_url)}
    changed_before, changed_after = audit.changed_only(before, after)
    if changed_after:
        audit.record(actor, "group_robot.update", robot, changed_before, changed_after, label=robot.name)
    db.session.flush()
    return robot


def set_robot_active(actor, robot: GroupRobot, active: bool, expected_version: int) -> None:
    """Deactivate (messages stop: its pending deliveries fail at once, and reactivating does not resend them)
    or reactivate a robot. :raise StaleRecord: a stale page."""
    check_version(robot, expected_version)
    if robot.active != active:
        robot.active = active
        audit.record(actor, "group_robot.reactivate" if active else "group_robot.deactivate", robot,
                     {"active": not active}, {"active": active}, label=robot.name)
        if not active:
            fail_pending_deliveries(robot)
        db.session.flush()


def fail_pending_deliveries(robot: GroupRobot) -> int:
    """Every pending delivery to `robot` becomes FAILED now, without retries (one UPDATE); how many."""
    result = db.session.execute(
        sa.update(OutwardDelivery)
        .where(OutwardDelivery.robot_id == robot.id, OutwardDelivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.FAILED, last_error=ROBOT_DEACTIVATED,
                version_id=OutwardDelivery.version_id + 1)
        .execution_options(synchronize_session="fetch"))
    return result.rowcount


def queue_test_message(actor, robot: GroupRobot, expected_version: int) -> OutwardDelivery:
    """Queue a test message to `robot` (sent by the next tick like any delivery), in the company's language.
    :raise StaleRecord: the robot changed since the page was loaded."""
    check_version(robot, expected_version)
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")):
        body = _("Test message from the HR system: this group robot (%(name)s) is connected.", name=robot.name)
    delivery = OutwardDelivery(kind=GENERAL, channel=OutwardChannel.GROUP_ROBOT, robot_id=robot.id,
                               recipient=robot.name, body=body)
    db.session.add(delivery)
    db.session.flush()
    return delivery


def retry_delivery(actor, delivery: OutwardDelivery, expected_version: int) -> None:
    """Put a FAILED delivery back in the queue, due now, with a fresh set of attempts (its last error stays
    until it is sent). :raise StaleRecord: a stale page. :raise ValidationFailed: it has not failed."""
    check_version(delivery, expected_version)
    if delivery.status != DeliveryStatus.FAILED:
        raise ValidationFailed.single(FORM, _("Only a failed delivery can be retried."))
    delivery.status, delivery.attempts, delivery.next_attempt_at = DeliveryStatus.PENDING, 0, utcnow()
    audit.record(actor, "notification_delivery.retry", delivery, {"status": "failed"}, {"status": "pending"},
                 label=delivery.recipient)
    db.session.flush()


def failed_delivery_count() -> int:
    """How many deliveries gave up after their last attempt (the administrator's home shows it)."""
    return db.session.scalar(sa.select(sa.func.count(OutwardDelivery.id))
                             .where(OutwardDelivery.status == DeliveryStatus.FAILED)) or 0
