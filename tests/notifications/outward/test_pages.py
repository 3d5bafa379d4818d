"""The outward pages through the HTTP client: HR routes kinds, keeps robots (masked addresses, edit with
version, deactivate, test message queued), the administrator filters the outbox and retries a failure."""
import re

import sqlalchemy as sa

from hrapp.blueprints.notifications.outward import failed_delivery_count
from hrapp.blueprints.notifications.outward.sending import send_due
from hrapp.blueprints.notifications.outward.services import ROBOT_DEACTIVATED
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
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
from tests.conftest import AuthActions

SECRET_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"


def routes_version_on(page: str) -> str:
    """The routes version the routes page carries in its hidden field."""
    found = re.search(r'name="routes_version" value="([^"]*)"', page)
    assert found, "the routes page carries no version"
    return found.group(1)


def save_routes(client, routes: list[str]):
    """Open the routes page, then post `routes` with the version it showed."""
    version = routes_version_on(client.get("/notifications/outward/routes").get_data(as_text=True))
    return client.post("/notifications/outward/routes", data={"route": routes, "routes_version": version})


def test_hr_routes_kinds_by_channel(client, auth, org):
    auth.login("hr")
    page = client.get("/notifications/outward/routes").get_data(as_text=True)
    assert "外发通知" in page and f'value="{GENERAL}|email"' in page
    save_routes(client, [f"{GENERAL}|email", f"{GENERAL}|group_robot", "unknown.kind|email", f"{GENERAL}|fax"])
    routes = set(db.session.execute(sa.select(NotificationRoute.kind, NotificationRoute.channel)))
    assert routes == {(GENERAL, OutwardChannel.EMAIL), (GENERAL, OutwardChannel.GROUP_ROBOT)}
    assert 'checked' in client.get("/notifications/outward/routes").get_data(as_text=True)
    save_routes(client, [f"{GENERAL}|group_robot"])
    routes = set(db.session.execute(sa.select(NotificationRoute.kind, NotificationRoute.channel)))
    assert routes == {(GENERAL, OutwardChannel.GROUP_ROBOT)}
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.like("notification_route.%"))
                                 .order_by(AuditEntry.id)).all()
    assert actions == ["notification_route.add", "notification_route.add", "notification_route.remove"]


def test_two_clerks_saving_the_routes_do_not_overwrite_each_other(app, client, auth, org):
    auth.login("hr")
    other = app.test_client()
    AuthActions(other).login("admin")
    first = routes_version_on(client.get("/notifications/outward/routes").get_data(as_text=True))
    second = routes_version_on(other.get("/notifications/outward/routes").get_data(as_text=True))
    assert first == second
    saved = client.post("/notifications/outward/routes", data={"route": [f"{GENERAL}|email"],
                                                               "routes_version": first})
    assert saved.status_code == 302
    stale = other.post("/notifications/outward/routes", data={"route": [f"{GENERAL}|group_robot"],
                                                              "routes_version": second})
    assert stale.status_code == 409 and "该记录已被他人修改" in stale.get_data(as_text=True)
    routes = set(db.session.execute(sa.select(NotificationRoute.kind, NotificationRoute.channel)))
    assert routes == {(GENERAL, OutwardChannel.EMAIL)}  # the first save stands
    unversioned = other.post("/notifications/outward/routes", data={"route": []})
    assert unversioned.status_code == 409
    assert save_routes(other, [f"{GENERAL}|group_robot"]).status_code == 302  # after a reload it saves
    routes = set(db.session.execute(sa.select(NotificationRoute.kind, NotificationRoute.channel)))
    assert routes == {(GENERAL, OutwardChannel.GROUP_ROBOT)}


def test_hr_adds_a_robot_and_its_address_is_masked(client, auth, org):
    auth.login("hr")
    response = client.post("/notifications/outward/robots/new", data={
        "department_id": org.front.id, "platform": "wecom", "name": "前厅群", "webhook_url": SECRET_URL})
    assert response.status_code == 302
    robot = db.session.scalars(sa.select(GroupRobot)).one()
    assert (robot.department_id, robot.platform, robot.webhook_url) == (org.front.id, RobotPlatform.WECOM, SECRET_URL)
    page = client.get("/notifications/outward/robots").get_data(as_text=True)
    assert "https://qyapi.weixin.qq.com/…5aaa" in page and "693a91f6" not in page
    edit = client.get(f"/notifications/outward/robots/{robot.id}/edit").get_data(as_text=True)
    assert "693a91f6" not in edit and "…5aaa" in edit


def test_a_robot_needs_a_department_an_address_and_a_unique_name(client, auth, org, make_robot):
    make_robot(org.front, name="前厅群")
    auth.login("hr")
    page = client.post("/notifications/outward/robots/new", data={"platform": "wecom", "name": "x",
                                                                  "webhook_url": "ftp://x"}).get_data(as_text=True)
    assert "请选择部门。" in page and "https://" in page
    page = client.post("/notifications/outward/robots/new", data={
        "department_id": org.front.id, "platform": "wecom", "name": "前厅群",
        "webhook_url": SECRET_URL}).get_data(as_text=True)
    assert "该部门已有同名机器人。" in page
    assert db.session.scalar(sa.select(sa.func.count(GroupRobot.id))) == 1


def test_editing_keeps_the_address_and_secret_unless_replaced(client, auth, org, make_robot):
    robot = make_robot(org.front, platform=RobotPlatform.DINGTALK, url=SECRET_URL, secret="SEC1")
    auth.login("hr")
    data = {"department_id": org.housekeeping.id, "platform": "dingtalk", "name": "客房群",
            "version_id": robot.version_id}
    assert client.post(f"/notifications/outward/robots/{robot.id}/edit", data=data).status_code == 302
    robot = db.session.get(GroupRobot, robot.id, populate_existing=True)
    assert (robot.name, robot.department_id, robot.webhook_url, robot.secret) == ("客房群", org.housekeeping.id,
                                                                                 SECRET_URL, "SEC1")
    stale = client.post(f"/notifications/outward/robots/{robot.id}/edit", data=data | {"name": "旧页面"})
    assert "该记录已被他人修改" in stale.get_data(as_text=True)
    assert db.session.get(GroupRobot, robot.id, populate_existing=True).name == "客房群"
    data = data | {"version_id": robot.version_id, "webhook_url": "https://oapi.dingtalk.com/robot/send?x=1",
                   "clear_secret": "y"}
    client.post(f"/notifications/outward/robots/{robot.id}/edit", data=data)
    robot = db.session.get(GroupRobot, robot.id, populate_existing=True)
    assert (robot.webhook_url, robot.secret) == ("https://oapi.dingtalk.com/robot/send?x=1", "")


def test_deactivating_and_a_test_message(client, auth, org, make_robot):
    robot = make_robot(org.front)
    auth.login("hr")
    client.post(f"/notifications/outward/robots/{robot.id}/test", data={"version_id": robot.version_id})
    test = db.session.scalars(sa.select(OutwardDelivery)).one()
    assert (test.robot_id, test.status, test.channel) == (robot.id, DeliveryStatus.PENDING, OutwardChannel.GROUP_ROBOT)
    assert "群机器人" in test.body and robot.name in test.body
    client.post(f"/notifications/outward/robots/{robot.id}/deactivate", data={"version_id": robot.version_id})
    robot = db.session.get(GroupRobot, robot.id, populate_existing=True)
    assert robot.active is False
    assert client.post(f"/notifications/outward/robots/{robot.id}/deactivate",
                       data={"version_id": robot.version_id - 1}).status_code == 409
    client.post(f"/notifications/outward/robots/{robot.id}/reactivate", data={"version_id": robot.version_id})
    assert db.session.get(GroupRobot, robot.id, populate_existing=True).active is True


def _deliveries(org, make_robot):
    robot = make_robot(org.front)
    rows = [OutwardDelivery(kind=GENERAL, channel=OutwardChannel.GROUP_ROBOT, robot_id=robot.id, recipient="前厅群",
                            body="x", status=DeliveryStatus.FAILED, attempts=5, last_error="errcode 93000: invalid"),
            OutwardDelivery(kind=GENERAL, channel=OutwardChannel.EMAIL, recipient="a@hotel.example", body="y",
                            status=DeliveryStatus.SENT, attempts=1),
            OutwardDelivery(kind="roster.published", channel=OutwardChannel.EMAIL, recipient="b@hotel.example",
                            body="z")]
    db.session.add_all(rows)
    db.session.commit()
    return rows


def test_the_administrator_sees_failures_and_filters(client, auth, org, make_robot):
    failed, sent, pending = _deliveries(org, make_robot)
    assert failed_delivery_count() == 1
    auth.login("admin")
    page = client.get("/notifications/outward/deliveries").get_data(as_text=True)
    assert all(f'data-delivery="{d.id}"' in page for d in (failed, sent, pending))
    assert "errcode 93000: invalid" in page and "1 条消息在最后一次尝试后仍发送失败" in page
    only_failed = client.get("/notifications/outward/deliveries?status=failed").get_data(as_text=True)
    assert f'data-delivery="{failed.id}"' in only_failed and f'data-delivery="{sent.id}"' not in only_failed
    emails = client.get("/notifications/outward/deliveries?channel=email&kind=general").get_data(as_text=True)
    assert f'data-delivery="{sent.id}"' in emails and f'data-delivery="{pending.id}"' not in emails
    assert client.get("/notifications/outward/deliveries?status=bogus&page=x").status_code == 200


def test_the_administrator_retries_a_failure(client, auth, org, make_robot):
    failed, sent, _pending = _deliveries(org, make_robot)
    auth.login("admin")
    url = f"/notifications/outward/deliveries/{failed.id}/retry"
    assert client.post(url, data={"version_id": failed.version_id - 1}).status_code == 409
    assert client.post(url, data={"version_id": failed.version_id}).status_code == 302
    failed = db.session.get(OutwardDelivery, failed.id, populate_existing=True)
    assert (failed.status, failed.attempts) == (DeliveryStatus.PENDING, 0)
    assert failed_delivery_count() == 0
    client.post(f"/notifications/outward/deliveries/{sent.id}/retry", data={"version_id": sent.version_id})
    assert db.session.get(OutwardDelivery, sent.id, populate_existing=True).status == DeliveryStatus.SENT


def test_pages_are_chinese_first_and_english_on_request(client, auth, org, make_robot):
    make_robot(org.front, platform=RobotPlatform.FEISHU)
    auth.login("hr")
    page = client.get("/notifications/outward/robots").get_data(as_text=True)
    assert "添加群机器人" in page and "飞书" in page and "发送测试消息" in page
    assert "按通知类型设置" in client.get("/notifications/outward/routes").get_data(as_text=True)
    client.post("/auth/locale/en")
    page = client.get("/notifications/outward/robots").get_data(as_text=True)
    assert "Add a group robot" in page and "Feishu" in page and "Send a test message" in page


def test_a_retry_of_what_has_not_failed_says_why(client, auth, org, make_robot):
    _failed, sent, _pending = _deliveries(org, make_robot)
    auth.login("admin")
    answer = client.post(f"/notifications/outward/deliveries/{sent.id}/retry", data={"version_id": sent.version_id},
                         follow_redirects=True)
    assert "只有发送失败的消息才能重试。" in answer.get_data(as_text=True)


def test_a_test_message_from_a_stale_page_is_refused(client, auth, org, make_robot):
    robot = make_robot(org.front)
    auth.login("hr")
    answer = client.post(f"/notifications/outward/robots/{robot.id}/test", data={"version_id": robot.version_id + 1})
    assert answer.status_code == 409 and "该记录已被他人修改" in answer.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(OutwardDelivery.id))) == 0


def test_deactivating_fails_the_pending_deliveries_and_reactivating_does_not_resend(client, auth, org, make_robot,
                                                                                     robots):
    robot = make_robot(org.front, url=robots.url("wecom", "k"))
    other = make_robot(org.housekeeping, url=robots.url("wecom", "other"))
    auth.login("hr")
    client.post(f"/notifications/outward/robots/{robot.id}/test", data={"version_id": robot.version_id})
    client.post(f"/notifications/outward/robots/{other.id}/test", data={"version_id": other.version_id})
    mine, theirs = db.session.scalars(sa.select(OutwardDelivery).order_by(OutwardDelivery.id)).all()
    client.post(f"/notifications/outward/robots/{robot.id}/deactivate", data={"version_id": robot.version_id})
    mine = db.session.get(OutwardDelivery, mine.id, populate_existing=True)
    assert (mine.status, mine.attempts, mine.last_error) == (DeliveryStatus.FAILED, 0, ROBOT_DEACTIVATED)
    assert db.session.get(OutwardDelivery, theirs.id, populate_existing=True).status == DeliveryStatus.PENDING
    robot = db.session.get(GroupRobot, robot.id, populate_existing=True)
    client.post(f"/notifications/outward/robots/{robot.id}/reactivate", data={"version_id": robot.version_id})
    assert db.session.get(GroupRobot, robot.id, populate_existing=True).active is True
    assert send_due(utcnow()) == 1
    assert db.session.get(OutwardDelivery, mine.id, populate_existing=True).status == DeliveryStatus.FAILED
    assert robots.texts("k") == [] and len(robots.texts("other")) == 1


def test_webhook_addresses_must_be_https(client, auth, org, app, monkeypatch):
    """http is refused, to any host; the tests' loopback emulator is allowed only behind
    OUTWARD_ALLOW_HTTP_LOOPBACK (on in the tests' config, off by default)."""
    auth.login("hr")

    def add(url: str, name: str):
        return client.post("/notifications/outward/robots/new", data={
            "department_id": org.front.id, "platform": "wecom", "name": name, "webhook_url": url})

    page = add("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", "明文").get_data(as_text=True)
    assert "Webhook 地址应以 https:// 开头。" in page
    assert add("http://127.0.0.1:8080/wecom/x", "本机").status_code == 302  # the tests' emulator
    monkeypatch.setitem(app.config, "OUTWARD_ALLOW_HTTP_LOOPBACK", False)
    assert add("http://127.0.0.1:8080/wecom/y", "本机二").status_code == 200
    assert add("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=y", "加密").status_code == 302
    assert set(db.session.scalars(sa.select(GroupRobot.name))) == {"本机", "加密"}


def test_department_names_follow_the_ui_language(client, auth, org, make_robot):
    db.session.get(Department, org.front.id).name_en = "Front Office"
    db.session.commit()
    robot = make_robot(org.front)
    auth.login("hr")
    assert "FO 前厅部" in client.get("/notifications/outward/robots").get_data(as_text=True)
    client.post("/auth/locale/en")
    listing = client.get("/notifications/outward/robots").get_data(as_text=True)
    assert "FO Front Office" in listing and "前厅部" not in listing
    form = client.get(f"/notifications/outward/robots/{robot.id}/edit").get_data(as_text=True)
    assert "FO Front Office" in form and "FO 前厅部" not in form
