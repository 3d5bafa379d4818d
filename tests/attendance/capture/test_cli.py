"""`flask --app wsgi attendance import FILE`: stores a device log or a CSV; a malformed file stores nothing."""
from datetime import datetime

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Punch


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Punch))


def test_a_device_log_is_imported_with_its_device_and_counts(org, runner, tmp_path):
    db.session.add(AttendanceDevice(serial="ZK001", name="大堂"))
    db.session.commit()
    path = tmp_path / "attlog.dat"
    path.write_text(f"{org.desk_staff.staff_number}\t2026-05-04 08:58:01\t0\t1\n9999\t2026-05-04 09:00:00\t0\t1\n"
                    f"{org.desk_staff.staff_number}\t2099-05-04 09:00:00\t0\t1\n")
    result = runner.invoke(args=["attendance", "import", str(path), "--device", "ZK001"])
    assert result.exit_code == 0, result.output
    assert "stored 2, duplicates 0, refused 1, unmapped 1 (9999)" in result.output
    again = runner.invoke(args=["attendance", "import", str(path), "--device", "ZK001"])
    assert "stored 0, duplicates 2" in again.output
    assert {p.device_id for p in db.session.scalars(sa.select(Punch))} == {
        db.session.scalar(sa.select(AttendanceDevice.id))}


def test_a_csv_with_a_time_zone(org, runner, tmp_path):
    path = tmp_path / "punches.csv"
    path.write_text(f"user_id,timestamp,state\n{org.hk_staff.staff_number},2026-05-04 08:00:00,0\n")
    result = runner.invoke(args=["attendance", "import", str(path), "--timezone", "UTC"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(Punch.punched_at)) == datetime(2026, 5, 4, 8, 0)


def test_a_malformed_file_stores_nothing_and_fails(org, runner, tmp_path):
    path = tmp_path / "attlog.txt"
    path.write_text(f"{org.hk_staff.staff_number}\t2026-05-04 08:00:00\t0\n{org.hk_staff.staff_number}\tnope\t0\n")
    result = runner.invoke(args=["attendance", "import", str(path)])
    assert result.exit_code != 0 and "line 2: bad_time" in result.output
    assert _count() == 0
    unknown = runner.invoke(args=["attendance", "import", str(path), "--device", "NOPE"])
    assert unknown.exit_code != 0
