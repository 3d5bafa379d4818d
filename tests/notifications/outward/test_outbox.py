"""The outbox is written with each notification, in its transaction: e-mails per recipient with an address (in
their language), one message per robot of the nearest department with one (in the company's language)."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.extensions import db
from hrapp.models import DeliveryStatus, Notification, OutwardChannel, OutwardDelivery, User
from hrapp.notifications import GENERAL, notify

EMAIL, ROBOT = OutwardChannel.EMAIL, OutwardChannel.GROUP_ROBOT


def deliveries(channel=None) -> list[OutwardDelivery]:
    query = sa.select(OutwardDelivery).order_by(OutwardDelivery.id)
    if channel is not None:
        query = query.where(OutwardDelivery.channel == channel)
    return list(db.session.scalars(query))


def send_notice(app, users, link="/staff/me"):
    with app.test_request_context():
        notify(users, lambda: _("Notice"), link=link, kind=GENERAL)  # "通知" in Chinese
        db.session.commit()


def test_an_unrouted_kind_stays_in_the_app(app, addresses, make_robot):
    make_robot(addresses.front)
    send_notice(app, [addresses.staff])
    assert deliveries() == []
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 1


def test_an_email_per_recipient_with_an_address_in_their_language(app, addresses, route, inbox):
    route(GENERAL, EMAIL)
    db.session.get(User, addresses.other_staff.id).locale = "en"
    db.session.commit()
    send_notice(app, [addresses.staff, addresses.other_staff, addresses.head, addresses.hr])
    mails = deliveries(EMAIL)
    assert {d.recipient for d in mails} == {"li.desk@hotel.example", "zhao.hk@hotel.example"}  # head, HR: none
    by_address = {d.recipient: d for d in mails}
    chinese, english = by_address["li.desk@hotel.example"], by_address["zhao.hk@hotel.example"]
    assert chinese.body == "通知\nhttps://hr.hotel.example/staff/me"
    assert english.body == "Notice\nhttps://hr.hotel.example/staff/me"
    assert english.subject == "Notice: a new notification"
    assert chinese.subject == "通知：新通知"
    assert all(d.status == DeliveryStatus.PENDING and d.notification_id for d in mails)
    note_users = {n.id: n.user_id for n in db.session.scalars(sa.select(Notification))}
    assert note_users[english.notification_id] == addresses.other_staff.id


def test_one_message_per_robot_of_the_nearest_department(app, addresses, route, make_robot):
    route(GENERAL, ROBOT)
    front = make_robot(addresses.front, name="前厅群")  # the desk clerk's department (FO-DESK) has none: FO's
    make_robot(addresses.housekeeping, name="客房群", active=False)  # deactivated: as if none
    send_notice(app, [addresses.staff, addresses.head, addresses.other_staff])
    messages = deliveries(ROBOT)
    assert [(d.robot_id, d.recipient) for d in messages] == [(front.id, "前厅群")]  # once for two recipients
    assert messages[0].body == "通知"  # no PUBLIC_BASE_URL (no `inbox` fixture here): no link


def test_a_department_robot_wins_over_its_parents(app, addresses, route, make_robot):
    route(GENERAL, ROBOT)
    make_robot(addresses.front, name="前厅群")
    desk = make_robot(addresses.front_desk, name="前台群")
    desk2 = make_robot(addresses.front_desk, name="前台二群", platform="dingtalk")
    send_notice(app, [addresses.staff])
    assert sorted(d.robot_id for d in deliveries(ROBOT)) == sorted([desk.id, desk2.id])


def test_robot_text_is_in_the_company_language_whatever_the_recipient(app, addresses, route, make_robot):
    route(GENERAL, ROBOT)
    make_robot(addresses.front)
    db.session.get(User, addresses.staff.id).locale = "en"
    db.session.commit()
    send_notice(app, [addresses.staff])
    assert deliveries(ROBOT)[0].body == "通知"


def test_the_outbox_is_rolled_back_with_the_notification(app, addresses, route, make_robot):
    route(GENERAL, EMAIL, ROBOT)
    make_robot(addresses.front)
    with app.test_request_context():
        notify([addresses.staff], lambda: "x", kind=GENERAL)
        db.session.flush()
        assert len(deliveries()) == 2
        db.session.rollback()
    assert deliveries() == []
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0


def test_without_a_public_address_no_link_goes_out(app, addresses, route, make_robot, monkeypatch):
    """The request's host (a Host header the client may forge) never makes an outward link."""
    route(GENERAL, EMAIL, ROBOT)
    make_robot(addresses.front)
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "")
    with app.test_request_context(base_url="http://evil.example:5000", headers={"Host": "evil.example"}):
        notify([addresses.staff], lambda: "x", link="/leave/1", kind=GENERAL)
        db.session.commit()
    assert [d.body for d in deliveries()] == ["x", "x"]


def test_with_a_public_address_links_ignore_the_request(app, addresses, route, monkeypatch):
    route(GENERAL, EMAIL)
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://hr.hotel.example/")
    with app.test_request_context(base_url="http://evil.example:5000"):
        notify([addresses.staff], lambda: "x", link="/leave/1", kind=GENERAL)
        db.session.commit()
    assert deliveries(EMAIL)[0].body == "x\nhttps://hr.hotel.example/leave/1"
