"""Every route of the outward notifications part as every role (tests/access_matrix.py): HR and the
administrator set the routes and keep the robots; only the administrator sees and retries the outbox."""
from collections.abc import Mapping

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import DeliveryStatus, GroupRobot, OutwardChannel, OutwardDelivery, RobotPlatform
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


class CurrentVersion(Mapping):
    """Form data carrying a record's version as it is when the request is sent (each role posts a fresh page,
    so an earlier role's change does not make a later one stale)."""

    def __init__(self, model, record_id: int):
        self.model, self.record_id = model, record_id

    def __getitem__(self, key):
        if key != "version_id":
            raise KeyError(key)
        return str(db.session.scalar(sa.select(self.model.version_id).where(self.model.id == self.record_id)))

    def __iter__(self):
        return iter(["version_id"])

    def __len__(self):
        return 1


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
    robot_version, delivery_version = CurrentVersion(GroupRobot, o.robot.id), CurrentVersion(OutwardDelivery,
                                                                                             o.failed.id)
    #                                                                          anon staff other head hk_head hr admin
    return {
        "routes": Route("GET", f"{base}/routes",                               "L    403   403   403  403     200 200"),
        "save_routes": Route("POST", f"{base}/routes",                         "L    403   403   403  403     302 302"),
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
