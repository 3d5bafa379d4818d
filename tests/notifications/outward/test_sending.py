"""Sending from the tick: e-mails to a local SMTP server, robot messages to the local emulator of the three
platforms (payloads and signatures checked there), retries with backoff, FAILED after the last attempt with
the error kept, and a delivery claimed once."""
import logging
import smtplib
import socket
import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.notifications.outward.sending import WEBHOOK_REFUSED, claim, error_text, send_due
from hrapp.core.tick import registered_tasks, run_tick
from hrapp.extensions import db
from hrapp.models import DeliveryStatus, OutwardChannel, OutwardDelivery, RobotPlatform, utcnow
from hrapp.notifications import GENERAL, notify


def queue(**kw) -> OutwardDelivery:
    fields = {"kind": GENERAL, "channel": OutwardChannel.GROUP_ROBOT, "recipient": "r", "body": "hello"} | kw
    delivery = OutwardDelivery(**fields)
    db.session.add(delivery)
    db.session.commit()
    return delivery


def fresh(delivery: OutwardDelivery) -> OutwardDelivery:
    return db.session.get(OutwardDelivery, delivery.id, populate_existing=True)


def test_the_tick_task_is_registered(app):
    assert "notifications.send_outward" in {task.name for task in registered_tasks(app)}


def test_notified_mail_goes_out_on_the_next_tick(app, addresses, route, inbox):
    route(GENERAL, OutwardChannel.EMAIL)
    with app.test_request_context():
        notify([addresses.staff], lambda: "排班已发布", link="/roster/1", kind=GENERAL)
        db.session.commit()
    assert inbox.messages == []  # nothing is sent in the request
    outcomes = run_tick(tasks=[t for t in registered_tasks(app) if t.name == "notifications.send_outward"])
    assert [(o.status, o.count) for o in outcomes] == [("ran", 1)]
    [mail] = inbox.messages
    assert mail["To"] == "li.desk@hotel.example" and mail["Subject"] == "通知：新通知"
    assert mail.get_content().replace("\r\n", "\n").strip() == "排班已发布\nhttps://hr.hotel.example/roster/1"
    delivery = db.session.scalars(sa.select(OutwardDelivery)).one()
    assert delivery.status == DeliveryStatus.SENT and delivery.attempts == 1 and delivery.sent_at


@pytest.mark.parametrize(("platform", "secret"), [
    (RobotPlatform.WECOM, ""), (RobotPlatform.DINGTALK, ""), (RobotPlatform.DINGTALK, "SEC123"),
    (RobotPlatform.FEISHU, ""), (RobotPlatform.FEISHU, "fs-secret"),
])
def test_each_platform_gets_its_payload_signed(app, org, robots, make_robot, platform, secret):
    key = f"{platform.value}{len(secret)}"
    robots.secrets[key] = secret
    robot = make_robot(org.front, platform=platform, url=robots.url(platform.value, key), secret=secret)
    delivery = queue(robot_id=robot.id, body="新排班已发布")
    assert send_due(utcnow()) == 1
    assert robots.received == [(platform.value, key, "新排班已发布")]
    assert fresh(delivery).status == DeliveryStatus.SENT


def test_a_wrong_secret_is_the_platforms_error(app, org, robots, make_robot):
    robots.secrets["k"] = "right"
    robot = make_robot(org.front, platform=RobotPlatform.DINGTALK, url=robots.url("dingtalk", "k"), secret="wrong")
    delivery = queue(robot_id=robot.id)
    assert send_due(utcnow()) == 0
    delivery = fresh(delivery)
    assert delivery.status == DeliveryStatus.PENDING and delivery.last_error == "errcode 310000: sign not match"


def test_failures_back_off_then_fail_for_good_with_the_error(app, org, robots, make_robot, clock):
    robots.fail("k", 99)
    robot = make_robot(org.front, url=robots.url("wecom", "k"))
    delivery = queue(robot_id=robot.id)
    waits = []
    for _ in range(5):
        assert send_due(clock()) == 0
        delivery = fresh(delivery)
        if delivery.status == DeliveryStatus.PENDING:
            waits.append(round((delivery.next_attempt_at - clock()).total_seconds() / 60))
            assert send_due(clock()) == 0  # not due yet: nothing tried
            assert fresh(delivery).attempts == len(waits)
            clock.now = delivery.next_attempt_at
    assert waits == [1, 5, 15, 60]
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 5
    assert delivery.last_error == "errcode 45009: api freq out of limit"
    assert robots.received == []


def test_a_failure_then_success(app, org, robots, make_robot, clock):
    robots.fail("k", 1)
    robot = make_robot(org.front, platform=RobotPlatform.FEISHU, url=robots.url("feishu", "k"))
    delivery = queue(robot_id=robot.id)
    send_due(clock())
    assert fresh(delivery).last_error == "code 45009: api freq out of limit"
    assert send_due(clock.advance(seconds=59)) == 0  # not yet
    assert send_due(clock.advance(seconds=1)) == 1
    delivery = fresh(delivery)
    assert delivery.status == DeliveryStatus.SENT and delivery.attempts == 2 and delivery.last_error == ""
    assert delivery.sent_at == clock()


def test_a_slow_batch_backs_off_from_each_attempt_not_from_the_tick(app, org, robots, make_robot, clock):
    """Each message takes the platform 3 minutes: the retries are scheduled from when each attempt ended (the
    second delivery's not yet due when the batch ends), not from when the tick started (both long due)."""
    robots.fail("k", 2)
    robots.on_message = lambda: clock.advance(minutes=3)
    robot = make_robot(org.front, url=robots.url("wecom", "k"))
    first, second = queue(robot_id=robot.id), queue(robot_id=robot.id)
    tick_started = clock()
    assert send_due(tick_started) == 0
    first, second = fresh(first), fresh(second)
    assert clock() == tick_started + timedelta(minutes=6)
    assert first.next_attempt_at == tick_started + timedelta(minutes=3 + 1)
    assert second.next_attempt_at == tick_started + timedelta(minutes=6 + 1)
    robots.on_message = None
    assert send_due(clock()) == 1  # the next tick, at +6: the first is due again (since +4), the second is not
    assert (fresh(first).status, fresh(second).attempts) == (DeliveryStatus.SENT, 1)


def test_the_sender_stops_taking_deliveries_before_its_lease_ends(app, org, robots, make_robot, clock,
                                                                    monkeypatch):
    """Lease 10 minutes, claim window 5: no delivery is taken once less than 5 minutes of the lease remain;
    the rest waits, untouched, for the next tick."""
    monkeypatch.setitem(app.config, "TICK_LEASE_SECONDS", 600)
    monkeypatch.setitem(app.config, "OUTWARD_CLAIM_SECONDS", 300)
    robots.on_message = lambda: clock.advance(minutes=4)
    robot = make_robot(org.front, url=robots.url("wecom", "k"))
    deliveries = [queue(robot_id=robot.id, body=f"m{n}") for n in range(3)]
    lease_taken = clock()
    assert send_due(lease_taken) == 2  # taken at +0 and +4 minutes; at +8 the sender stops
    assert [fresh(d).attempts for d in deliveries] == [1, 1, 0]
    assert fresh(deliveries[2]).status == DeliveryStatus.PENDING
    assert send_due(clock()) == 1  # the next tick's lease
    assert robots.texts("k") == ["m0", "m1", "m2"]


def test_http_errors_and_unreachable_robots_are_failures(app, org, robots, make_robot):
    robots.down("k")
    broken = queue(robot_id=make_robot(org.front, url=robots.url("wecom", "k")).id)
    unreachable = queue(robot_id=make_robot(org.housekeeping, url="http://127.0.0.1:9/nothing").id)
    send_due(utcnow())
    assert fresh(broken).last_error == "HTTP 500"
    assert fresh(unreachable).last_error.startswith("ConnectionError")


def test_a_deactivated_robot_is_not_sent_to(app, org, robots, make_robot):
    robot = make_robot(org.front, url=robots.url("wecom", "k"), active=False)
    delivery = queue(robot_id=robot.id)
    send_due(utcnow())
    delivery = fresh(delivery)
    assert delivery.last_error == "the group robot was removed or deactivated"
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)  # at once: retrying cannot help
    assert robots.received == []


def test_mail_without_a_server_is_a_failure(app, org):
    delivery = queue(channel=OutwardChannel.EMAIL, recipient="a@b.example", subject="s")
    send_due(utcnow())
    assert fresh(delivery).last_error == "no mail server is configured (MAIL_SERVER)"


def test_a_refused_recipient_is_a_failure(app, org, inbox):
    delivery = queue(channel=OutwardChannel.EMAIL, recipient="nobody@refused.example", subject="s")
    send_due(utcnow())
    delivery = fresh(delivery)
    assert delivery.status == DeliveryStatus.PENDING and delivery.last_error.startswith("SMTPRecipientsRefused")
    assert inbox.messages == []


def test_a_delivery_is_claimed_once(app, org):
    delivery = queue()
    now = utcnow()
    assert claim(delivery.id, now) is True
    assert claim(delivery.id, now) is False  # a second tick at the same moment finds it taken
    assert fresh(delivery).attempts == 1


def test_a_sent_delivery_is_not_sent_again(app, org, robots, make_robot):
    robot = make_robot(org.front, url=robots.url("wecom", "k"))
    queue(robot_id=robot.id)
    now = utcnow()
    assert send_due(now) == 1
    assert send_due(now + timedelta(hours=2)) == 0
    assert len(robots.received) == 1


SECRETS = ("SECRETKEY-693a91f6", "TOKEN-5aaa", "SIGN-SECRET-77")


def test_an_unreachable_robots_error_keeps_no_secret(app, client, auth, org, make_robot, caplog):
    """requests repeats the whole address in its errors (key, access_token, DingTalk's sign in the query):
    the delivery's error, the outbox page and the log keep only the class and the host."""
    url = f"http://127.0.0.1:9/robot/send?access_token={SECRETS[1]}&key={SECRETS[0]}"  # a closed local port
    robot = make_robot(org.front, platform=RobotPlatform.DINGTALK, url=url, secret=SECRETS[2])
    delivery = queue(robot_id=robot.id)
    with caplog.at_level(logging.DEBUG):
        send_due(utcnow())
    error = fresh(delivery).last_error
    assert error == "ConnectionError (127.0.0.1)"
    auth.login("admin")
    page = client.get("/notifications/outward/deliveries").get_data(as_text=True)
    assert "ConnectionError (127.0.0.1)" in page
    for secret in SECRETS:
        assert secret not in error and secret not in page and secret not in caplog.text
    assert "sign=" not in caplog.text and "access_token" not in caplog.text


def test_a_dropped_connection_keeps_no_secret(app, org, make_robot, caplog):
    """A server that accepts and closes at once: the error names the class and host only."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        stop = threading.Event()

        def drop():
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                conn.close()

        thread = threading.Thread(target=drop, daemon=True)
        thread.start()
        robot = make_robot(org.front, url=f"http://127.0.0.1:{port}/cgi-bin/webhook/send?key={SECRETS[0]}")
        delivery = queue(robot_id=robot.id)
        with caplog.at_level(logging.DEBUG):
            send_due(utcnow())
        stop.set()
        thread.join()
    error = fresh(delivery).last_error
    assert error == "ConnectionError (127.0.0.1)"
    assert SECRETS[0] not in caplog.text


def test_any_exception_of_one_delivery_is_a_failure_and_the_batch_goes_on(app, org, robots, make_robot,
                                                                           auth_inbox, monkeypatch, clock):
    """smtplib cannot encode a non-ASCII password (UnicodeEncodeError, not an SMTP error): the mail backs off
    like any failure, FAILED after its last attempt, and the robot message queued after it still goes out."""
    monkeypatch.setitem(app.config, "MAIL_USERNAME", "hr")
    monkeypatch.setitem(app.config, "MAIL_PASSWORD", "密码-secret")
    mail = queue(channel=OutwardChannel.EMAIL, recipient="li@hotel.example", subject="s")
    robot = queue(robot_id=make_robot(org.front, url=robots.url("wecom", "k")).id, body="after the mail")
    assert send_due(clock()) == 1
    assert robots.texts("k") == ["after the mail"] and fresh(robot).status == DeliveryStatus.SENT
    mail = fresh(mail)
    assert (mail.status, mail.last_error) == (DeliveryStatus.PENDING, "UnicodeEncodeError")
    assert mail.next_attempt_at == clock() + timedelta(minutes=1)
    for _ in range(4):
        clock.now = fresh(mail).next_attempt_at
        send_due(clock())
    mail = fresh(mail)
    assert (mail.status, mail.attempts, mail.last_error) == (DeliveryStatus.FAILED, 5, "UnicodeEncodeError")
    assert auth_inbox.messages == []


def test_only_https_webhooks_are_posted_to(app, org, robots, make_robot, monkeypatch):
    """A plain-http address is refused at once (FAILED, nothing posted), unless it is the loopback emulator and
    OUTWARD_ALLOW_HTTP_LOOPBACK is on (the tests' config)."""
    monkeypatch.setitem(app.config, "OUTWARD_ALLOW_HTTP_LOOPBACK", False)
    delivery = queue(robot_id=make_robot(org.front, url=robots.url("wecom", "k")).id)
    send_due(utcnow())
    delivery = fresh(delivery)
    assert (delivery.status, delivery.last_error) == (DeliveryStatus.FAILED, WEBHOOK_REFUSED)
    assert robots.received == []
    monkeypatch.setitem(app.config, "OUTWARD_ALLOW_HTTP_LOOPBACK", True)
    elsewhere = queue(robot_id=make_robot(org.housekeeping, url="http://hooks.example/wecom/k").id)
    send_due(utcnow())
    assert (fresh(elsewhere).status, fresh(elsewhere).last_error) == (DeliveryStatus.FAILED, WEBHOOK_REFUSED)


def test_a_redirect_is_not_followed(app, org, robots, make_robot):
    robots.move("k", robots.url("wecom", "elsewhere"))
    delivery = queue(robot_id=make_robot(org.front, url=robots.url("wecom", "k")).id)
    assert send_due(utcnow()) == 0
    assert fresh(delivery).last_error == "HTTP 307"
    assert robots.received == []


def test_an_error_is_kept_as_its_class_host_and_smtp_code():
    refused = smtplib.SMTPAuthenticationError(535, b"5.7.8 bad credentials for hr:P4ssw0rd")
    assert error_text(refused, "mail.hotel.example") == "SMTPAuthenticationError (mail.hotel.example) 535"
    assert error_text(ValueError("https://x/?key=SECRET")) == "ValueError"
