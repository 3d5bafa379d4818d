"""Every route of the outward notifications part as every role (tests/access_matrix.py): HR and the
administrator set the routes and keep the robots; only the administrator sees and retries the outbox."""
from collections.abc import Mapping

import pytest
import sqlalchemy as sa

from hrapp.blueprints.notifications.outward.services import routes_version
from hrapp.extensions import db
from hrapp.models import DeliveryStatus, GroupRobot, OutwardChannel, OutwardDelivery, RobotPlatform
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


class Fresh(Mapping):
    """Form data of one field read when the request is sent (each role posts a fresh page, so an earlier role's
    change does not make a later one stale)."""

    def __init__(self, key: str, read):
        self.key, self.read = key, read

    def __getitem__(self, key):
        if key != self.key:
            raise KeyError(key)
        return str(self.read())

    def __iter__(self):
        return iter([self.key])

    def __len__(self):
        return 1


def current_version(model, record_id: int) -> Fresh:
    """The record's version_id as it is when the request is sent."""
    return Fresh("version_id", lambda: db.session.scalar(sa.select(model.version_id).where(model.id == record_id)))


@pytest.fixture
def site(people):
    o = people
    o.robot = GroupRobot(department_id=o.front.id, platform=RobotPlatform.WECOM, name="前厅群",
                         webhook_url="http://127.0.0.1:9/wecom/x")
    db.session.add(o.robot)
    db.session.flush()
    o.failed = OutwardDelivery(kind="general", channel=OutwardChannel.GROUP_ROBOT, robot_id=o.robot.id,
                               recipient="前厅群", body="x", status=DeliveryStatus.FAILED, attempts=5)
    db.session.add(o.failed)
    db.session.commit()
    return o


def table(o) -> dict[str, Route]:
    base = "/notifications/outward"
    robot, delivery = f"{base}/robots/{o.robot.id}", f"{base}/deliveries/{o.failed.id}"
    robot_version, delivery_version = current_version(GroupRobot, o.robot.id), current_version(OutwardDelivery,
                                                                                               o.failed.id)
    #                                                                          anon staff other head hk_head hr admin
    return {
        "routes": Route("GET", f"{base}/routes",                               "L    403   403   403  403     200 200"),
        "save_routes": Route("POST", f"{base}/routes",                         "L    403   403   403  403     302 302",
                             Fresh("routes_version", routes_version)),
        "stale_routes": Route("POST", f"{base}/routes",                        "L    403   403   403  403     409 409",
                              {"routes_version": "an older page"}),
        "robots": Route("GET", f"{base}/robots",                               "L    403   403   403  403     200 200"),
        "new_robot": Route("GET", f"{base}/robots/new",                        "L    403   403   403  403     200 200"),
        "create_robot": Route("POST", f"{base}/robots/new",                    "L    403   403   403  403     200 200"),
        "edit_robot": Route("GET", f"{robot}/edit",                            "L    403   403   403  403     200 200"),
        "save_robot": Route("POST", f"{robot}/edit",                           "L    403   403   403  403     200 200"),
        "missing_robot": Route("GET", f"{base}/robots/999999/edit",            "L    403   403   403  403     404 404"),
        "test_message": Route("POST", f"{robot}/test",                         "L    403   403   403  403     302 302",
                              robot_version),
        "reactivate": Route("POST", f"{robot}/reactivate",                     "L    403   403   403  403     302 302",
                            robot_version),
        "deactivate": Route("POST", f"{robot}/deactivate",                     "L    403   403   403  403     302 302",
                            robot_version),
        "stale_deactivate": Route("POST", f"{robot}/deactivate",               "L    403   403   403  403     409 409",
                                  {"version_id": "1"}),
        "deliveries": Route("GET", f"{base}/deliveries",                       "L    403   403   403  403     403 200"),
        "retry": Route("POST", f"{delivery}/retry",                            "L    403   403   403  403     403 302",
                       delivery_version),
        "retry_missing": Route("POST", f"{base}/deliveries/999999/retry",      "L    403   403   403  403     403 404"),
    }


def test_every_outward_route_for_every_role(app, site):
    walk(app, "notification_outward", table(site), web_callers(app))
