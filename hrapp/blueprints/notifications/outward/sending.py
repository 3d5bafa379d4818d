"""Sending the outbox, from the tick (never in a request). Each due delivery is claimed with one atomic UPDATE
(pending and due -> attempt counted, due again only after the claim window), committed before anything leaves,
so two ticks at once send it once. Then it is sent (e-mail over SMTP, robots over HTTPS with a timeout, no
redirects followed) and the outcome recorded and committed at once: a message that left cannot be taken back
by a later rollback. Any failure of one delivery (the channel's refusal, an unreachable server, or an
unexpected exception) is recorded on it and never stops the others: it waits for the next attempt of the
backoff schedule, and after the last one the delivery is FAILED with the error kept. A robot that is gone,
deactivated or has a refused address fails its delivery at once.

Every claim, attempt and retry reads the clock (`clock`, the current UTC time), not the tick's start: a slow
batch neither makes retries due early nor lets a claim window lapse before it began. The tick's `now` only says
when this task's lease was taken: no new delivery is taken once less than one claim window (at most half the
lease) of it remains.

An error kept or logged names the exception's class and the host only, never its text: a requests error
repeats the whole webhook address, whose query holds the robot's key, token or signature."""
import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm.exc import StaleDataError

from hrapp.core.mail import send_mail
from hrapp.core.tick import DEFAULT_LEASE_SECONDS
from hrapp.extensions import db
from hrapp.models import DeliveryStatus, GroupRobot, OutwardChannel, OutwardDelivery, utcnow

from .rules import (
    DEFAULT_BACKOFF_MINUTES,
    next_attempt,
    robot_reply_error,
    robot_request,
    webhook_allowed,
    webhook_host,
)

logger = logging.getLogger(__name__)
clock: Callable[[], datetime] = utcnow  # the current time, naive UTC (tests move it)
ROBOT_GONE = "the group robot was removed or deactivated"
WEBHOOK_REFUSED = "the webhook address is refused (https only)"


class DeliveryError(Exception):
    """The channel refused or could not take the message (the text, free of secrets, is kept as the delivery's
    last error). `permanent`: trying again cannot help (the delivery fails at once)."""

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


def error_text(exc: BaseException, host: str = "") -> str:
    """An exception as a delivery may keep and log it: its class, the host, an SMTP reply code; never its text."""
    text = type(exc).__name__ + (f" ({host})" if host else "")
    code = getattr(exc, "smtp_code", None)
    return f"{text} {code}" if isinstance(code, int) else text


def backoff_minutes() -> tuple[int, ...]:
    return tuple(current_app.config.get("OUTWARD_RETRY_MINUTES", DEFAULT_BACKOFF_MINUTES))


def claim_window() -> timedelta:
    return timedelta(seconds=current_app.config.get("OUTWARD_CLAIM_SECONDS", 300))


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
    result = db.session.execute(
        sa.update(OutwardDelivery)
        .where(OutwardDelivery.id == delivery_id, OutwardDelivery.status == DeliveryStatus.PENDING,
               OutwardDelivery.next_attempt_at <= now)
        .values(attempts=OutwardDelivery.attempts + 1, next_attempt_at=now + claim_window(),
                version_id=OutwardDelivery.version_id + 1)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return result.rowcount == 1


def send_email(delivery: OutwardDelivery) -> None:
    """:raise DeliveryError: no mail server, or the server refused or could not be reached."""
    try:
        sent = send_mail(delivery.recipient, delivery.subject, delivery.body)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(error_text(exc, current_app.config.get("MAIL_SERVER", ""))) from exc
    if not sent:
        raise DeliveryError("no mail server is configured (MAIL_SERVER)")


def send_to_robot(robot: GroupRobot | None, text: str) -> None:
    """:raise DeliveryError: the robot is gone or deactivated or its address refused (permanent), it is
    unreachable, or its platform refused."""
    if robot is None or not robot.active:
        raise DeliveryError(ROBOT_GONE, permanent=True)
    if not webhook_allowed(robot.webhook_url, current_app.config.get("OUTWARD_ALLOW_HTTP_LOOPBACK", False)):
        raise DeliveryError(WEBHOOK_REFUSED, permanent=True)
    call = robot_request(robot.platform.value, robot.webhook_url, robot.secret, text, clock())
    try:
        response = requests.post(call.url, json=call.payload, allow_redirects=False,
                                 timeout=current_app.config.get("OUTWARD_HTTP_TIMEOUT", 10))
        reply = response.json() if response.content else None
    except (requests.RequestException, ValueError) as exc:
        raise DeliveryError(error_text(exc, webhook_host(robot.webhook_url))) from exc
    if response.status_code >= 300:
        raise DeliveryError(f"HTTP {response.status_code}")
    error = robot_reply_error(robot.platform.value, reply)
    if error:
        raise DeliveryError(error)


def record_failure(delivery: OutwardDelivery, exc: Exception) -> None:
    """Keep the error (free of secrets) and wait for the next attempt; FAILED after the last one, or at once
    when trying again cannot help."""
    error = str(exc) if isinstance(exc, DeliveryError) else error_text(exc)
    delivery.last_error = error[:500]
    retry_at = None if getattr(exc, "permanent", False) else next_attempt(delivery.attempts, clock(),
                                                                          backoff_minutes())
    if retry_at is None:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = retry_at
    logger.warning("outward delivery %s failed (attempt %s): %s", delivery.id, delivery.attempts, error)


def attempt(delivery: OutwardDelivery) -> None:
    """Send a claimed delivery once and record the outcome on it (not committed). Never raises for the
    delivery's own failure, whatever it is."""
    try:
        if delivery.channel == OutwardChannel.EMAIL:
            send_email(delivery)
        else:
            send_to_robot(delivery.robot, delivery.body)
    except Exception as exc:  # noqa: BLE001 - one delivery's failure, of any kind, never stops the batch
        record_failure(delivery, exc)
        return
    delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, clock(), ""


def stop_taking_at(lease_taken_at: datetime) -> datetime:
    """When the sender stops taking deliveries: one claim window (at most half the lease) before its lease ends."""
    lease = timedelta(seconds=current_app.config.get("TICK_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))
    return lease_taken_at + lease - min(claim_window(), lease / 2)


def send_due(now: datetime) -> int:
    """The tick task: send every due delivery this tick may claim (at most OUTWARD_BATCH) before its lease runs
    short; how many were sent. `now`: when the tick took the lease."""
    stop_at = stop_taking_at(now)
    sent = 0
    for delivery_id in due_ids(clock(), current_app.config.get("OUTWARD_BATCH", 200)):
        if clock() >= stop_at:
            logger.info("outward sending stops before the tick's lease ends; the rest waits for the next tick")
            break
        if not claim(delivery_id, clock()):
            continue  # another tick took it
        delivery = db.session.get(OutwardDelivery, delivery_id, populate_existing=True)
        attempt(delivery)
        try:
            db.session.commit()
        except StaleDataError:  # deactivated (its robot) or retried while it was being sent: that change stands
            db.session.rollback()
            continue
        sent += delivery.status == DeliveryStatus.SENT
    return sent
