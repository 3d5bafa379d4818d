"""`flask attendance device add`: registers a device and prints its id; a duplicate serial is refused cleanly."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceDevice


def test_device_add_prints_the_id_and_refuses_a_duplicate(app, org):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["attendance", "device", "add", "CKJD0001", "--name", "员工通道",
                                 "--timezone", "Asia/Bangkok", "--department", "FO"])
    assert result.exit_code == 0, result.output
    device = db.session.scalar(sa.select(AttendanceDevice).where(AttendanceDevice.serial == "CKJD0001"))
    assert result.output.strip() == str(device.id)
    assert (device.timezone, device.department_id) == ("Asia/Bangkok", org.front.id)
    again = runner.invoke(args=["attendance", "device", "add", "CKJD0001", "--name", "twin"])
    assert again.exit_code == 1 and "serial" in again.output and "Traceback" not in again.output
    bad = runner.invoke(args=["attendance", "device", "add", "CKJD0002", "--name", "x", "--timezone", "Nowhere/X"])
    assert bad.exit_code == 1 and "timezone" in bad.output
    nodep = runner.invoke(args=["attendance", "device", "add", "CKJD0003", "--name", "x", "--department", "ZZ"])
    assert nodep.exit_code == 1 and "ZZ" in nodep.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AttendanceDevice)) == 1
