"""Live-server seed of the outward notifications journey: a housekeeping group robot and one delivery to it that
failed after its last attempt (the administrator retries it)."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import DeliveryStatus, Department, GroupRobot, OutwardChannel, OutwardDelivery, RobotPlatform

OUTWARD = {"robot": "客房部群", "error": "errcode 93000: invalid webhook url"}


def seed_outward_failure() -> None:
    housekeeping = db.session.scalars(sa.select(Department).where(Department.code == "HK")).one()
    robot = GroupRobot(department_id=housekeeping.id, platform=RobotPlatform.WECOM, name=OUTWARD["robot"],
                       webhook_url="http://127.0.0.1:9/cgi-bin/webhook/send?key=journey-key")
    db.session.add(robot)
    db.session.flush()
    db.session.add(OutwardDelivery(kind="general", channel=OutwardChannel.GROUP_ROBOT, robot_id=robot.id,
                                   recipient=robot.name, body="排班已发布", status=DeliveryStatus.FAILED,
                                   attempts=5, last_error=OUTWARD["error"]))
