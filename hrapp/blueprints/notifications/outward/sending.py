"""Sending the outbox, from the tick (never in a request). Each due delivery is claimed with one atomic UPDATE
(pending and due -> attempt counted, due again only after the claim window), committed before anything leaves,
so two ticks at once send it once. Then it is sent (e-mail over SMTP, robots over HTTPS with a timeout) and the
outcome recorded and committed at once: a message that left cannot be taken back by a later rollback.
A failure waits for the next attempt of the backoff schedule; after the last one the delivery is FAILED with
the error kept."""
import logging
import smtplib
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa
from flask import current_app

from hrapp.core.mail import send_mail
from hrapp.extensions import db
from hrapp.models import DeliveryStatus, GroupRobot, OutwardChannel, OutwardDelivery

from .rules import DEFAULT_BACKOFF_MINUTES, next_attempt, robot_reply_error, robot_request

logger = logging.getLogger(__name__)


class DeliveryError(Exception):
    """The channel refused or could not take the message (the text is kept as the delivery's last error)."""


def backoff_minutes() -> tuple[int, ...]:
    return tuple(current_app.config.get("OUTWARD_RETRY_MINUTES", DEFAULT_BACKOFF_MINUTES))


def due_ids(now: datetime, limit: int) -> list[int]:
    """The pending deliveries due at `now`, oldest due first."""
    return list(db.session.scalars(
        sa.select(OutwardDelivery.id)
        .where(OutwardDelivery.status == DeliveryStatus.PENDING, OutwardDelivery.next_attempt_at <= now)
        .order_by(OutwardDelivery.next_attempt_at, OutwardDelivery.id).limit(limit)))


def claim(delivery_id: int, now: datetime) -> bool:
    """Take one due delivery for this sender (commits): True when this call got it.

    The UPDATE counts the attempt and moves its due time past the claim window, so another tick's claim
    matches no row; a sender that dies mid-way leaves it to be tried again after the window."""
    window = timedelta(seconds=current_app.config.get("OUTWARD_CLAIM_SECONDS", 300))
    result = db.session.execute(
        sa.update(OutwardDelivery)
        .where(OutwardDelivery.id == delivery_id, OutwardDelivery.status == DeliveryStatus.PENDING,
               OutwardDelivery.next_attempt_at <= now)
        .values(attempts=OutwardDelivery.attempts + 1, next_attempt_at=now + window,
                version_id=OutwardDelivery.version_id + 1)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return result.rowcount == 1


def send_email(delivery: OutwardDelivery) -> None:
    """:raise DeliveryError: no mail server, or the server refused or could not be reached."""
    try:
        sent = send_mail(delivery.recipient, delivery.subject, delivery.body)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
    if not sent:
        raise DeliveryError("no mail server is configured (MAIL_SERVER)")


def send_to_robot(robot: GroupRobot | None, text: str, now: datetime) -> None:
    """:raise DeliveryError: the robot is gone or deactivated, unreachable, or its platform refused."""
    if robot is None or not robot.active:
        raise DeliveryError("the group robot was removed or deactivated")
    call = robot_request(robot.platform.value, robot.webhook_url, robot.secret, text, now)
    try:
        response = requests.post(call.url, json=call.payload,
                                 timeout=current_app.config.get("OUTWARD_HTTP_TIMEOUT", 10))
        reply = response.json() if response.content else None
    except (requests.RequestException, ValueError) as exc:
        raise DeliveryError(f"{type(exc).__name__}: {str(exc)[:300]}") from exc
    if response.status_code >= 400:
        raise DeliveryError(f"HTTP {response.status_code}")
    error = robot_reply_error(robot.platform.value, reply)
    if error:
        raise DeliveryError(error)


def attempt(delivery: OutwardDelivery, now: datetime) -> None:
    """Send a claimed delivery once and record the outcome on it (not committed)."""
    try:
        if delivery.channel == OutwardChannel.EMAIL:
            send_email(delivery)
        else:
            send_to_robot(delivery.robot, delivery.body, now)
    except DeliveryError as exc:
        delivery.last_error = str(exc)[:500]
        retry_at = next_attempt(delivery.attempts, now, backoff_minutes())
        if retry_at is None:
            delivery.status = DeliveryStatus.FAILED
        else:
            delivery.next_attempt_at = retry_at
        logger.warning("outward delivery %s failed (attempt %s): %s", delivery.id, delivery.attempts, exc)
        return
    delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, now, ""


def send_due(now: datetime) -> int:
    """The tick task: send every due delivery this tick may claim (at most OUTWARD_BATCH); how many were sent."""
    sent = 0
    for delivery_id in due_ids(now, current_app.config.get("OUTWARD_BATCH", 200)):
        if not claim(delivery_id, now):
            continue  # another tick took it
        delivery = db.session.get(OutwardDelivery, delivery_id, populate_existing=True)
        attempt(delivery, now)
        db.session.commit()
        sent += delivery.status == DeliveryStatus.SENT
    return sent
