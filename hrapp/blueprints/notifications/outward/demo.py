"""What seed-demo adds for outward notifications: a WeCom robot of the first top department, deactivated (its
address is an example, so `make run`'s tick sends nothing out), and one delivery to it that failed after its
last attempt, so the administrator's outbox shows a failure, its error and the retry. No routes: HR chooses."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import DeliveryStatus, Department, OutwardChannel, OutwardDelivery, RobotPlatform

from .services import RobotDraft, create_robot, set_robot_active

EXAMPLE_WEBHOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-demo-0000-0000-000000000000"


def seed_demo(context) -> None:
    hr = context.users["hr"]
    department = db.session.scalars(sa.select(Department).where(Department.parent_id.is_(None))
                                    .order_by(Department.code).limit(1)).first()
    if department is None:
        return
    robot = create_robot(hr, RobotDraft(department_id=department.id, platform=RobotPlatform.WECOM.value,
                                        name=f"{department.name}群", webhook_url=EXAMPLE_WEBHOOK, secret=""))
    set_robot_active(hr, robot, False, robot.version_id)
    db.session.add(OutwardDelivery(kind="general", channel=OutwardChannel.GROUP_ROBOT, robot_id=robot.id,
                                   recipient=robot.name, body="示例：排班已发布", status=DeliveryStatus.FAILED,
                                   attempts=5, last_error="errcode 93000: invalid webhook url"))
    db.session.flush()
    context.counts["group_robots"] = 1
