"""Importing device exports: tab log, CSV and XLSX; the column step; line errors; unknown ids; all or nothing."""
import io
import re
from datetime import datetime

import sqlalchemy as sa
from openpyxl import Workbook

from hrapp.extensions import db
from hrapp.models import DeviceUserId, Punch, PunchSource


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Punch))


def _upload(client, name: str, body: bytes, **extra):
    return client.post("/attendance/import", data={"file": (io.BytesIO(body), name), **extra},
                       content_type="multipart/form-data")


def _token(response) -> str:
    return re.search(r"/attendance/import/([A-Za-z0-9_-]+)", response.headers["Location"]).group(1)


def _log(org) -> bytes:
    desk, hk = org.desk_staff.staff_number, org.hk_staff.staff_number
    return (f"{desk}\t2026-05-04 08:58:01\t0\t1\n{desk}\t2026-05-04 18:02:00\t1\t1\n"
            f"{hk}\t2026-05-04 07:55:00\t0\t15\n").encode()


def test_a_device_log_is_previewed_then_stored_once(org, as_hr):
    response = _upload(as_hr, "attlog.dat", _log(org))
    token = _token(response)
    assert response.headers["Location"].endswith(f"/attendance/import/{token}")
    preview = as_hr.get(f"/attendance/import/{token}").get_data(as_text=True)
    assert 'id="import-confirm"' in preview and _count() == 0
    assert as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token}).status_code == 302
    punches = db.session.scalars(sa.select(Punch).order_by(Punch.punched_at)).all()
    assert [(p.staff_id, p.punched_at, p.state, p.source) for p in punches] == [
        (org.hk_staff.id, datetime(2026, 5, 3, 23, 55), 0, PunchSource.FILE),
        (org.desk_staff.id, datetime(2026, 5, 4, 0, 58, 1), 0, PunchSource.FILE),
        (org.desk_staff.id, datetime(2026, 5, 4, 10, 2), 1, PunchSource.FILE)]
    # the same file again stores nothing new
    again = _token(_upload(as_hr, "attlog.dat", _log(org)))
    as_hr.post("/auth/locale/en")
    done = as_hr.post(f"/attendance/import/{again}/confirm", data={"token": again}, follow_redirects=True)
    assert "0 punches stored, 3 already there" in done.get_data(as_text=True)
    assert _count() == 3


def test_a_csv_without_known_headers_asks_for_the_columns(org, as_hr):
    body = f"名字,号,时刻\n李,{org.desk_staff.staff_number},2026-05-04 09:00\n".encode()
    response = _upload(as_hr, "export.csv", body)
    assert "/columns" in response.headers["Location"]
    token = _token(response)
    assert 'id="import-sample"' in as_hr.get(f"/attendance/import/{token}/columns").get_data(as_text=True)
    step = as_hr.post(f"/attendance/import/{token}/columns",
                      data={"token": token, "clock_column": 1, "time_column": 2, "state_column": ""})
    mapped = _token(step)
    assert as_hr.get(f"/attendance/import/{token}").status_code == 404  # the first staging is gone
    as_hr.post(f"/attendance/import/{mapped}/confirm", data={"token": mapped})
    assert db.session.scalar(sa.select(Punch.staff_id)) == org.desk_staff.id


def test_an_xlsx_with_named_columns_goes_straight_to_the_preview(org, as_hr):
    book = Workbook()
    sheet = book.active
    sheet.append(["user_id", "timestamp", "state"])
    sheet.append([org.hk_staff.staff_number, datetime(2026, 5, 4, 8, 0), 0])
    buffer = io.BytesIO()
    book.save(buffer)
    token = _token(_upload(as_hr, "export.xlsx", buffer.getvalue()))
    as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token})
    assert db.session.scalar(sa.select(Punch.punched_at)) == datetime(2026, 5, 4, 0, 0)


def test_malformed_lines_are_listed_and_nothing_is_imported(org, as_hr):
    as_hr.post("/auth/locale/en")
    number = org.desk_staff.staff_number
    body = f"{number}\t2026-05-04 08:58:01\t0\n{number}\t2026-13-04 08:00\t0\n{number}\t2099-01-01 08:00:00\t0\n" \
           f"{number}\t2019-01-01 08:00:00\t0\n".encode()
    token = _token(_upload(as_hr, "log.txt", body))
    page = as_hr.get(f"/attendance/import/{token}").get_data(as_text=True)
    assert "The time is not a date and time" in page and "The time is in the future." in page
    assert "The person was not employed on that day." in page and 'id="import-confirm"' not in page
    as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token})
    assert _count() == 0


def test_unknown_ids_block_the_confirm_until_mapped_or_kept(org, as_hr):
    body = b"9001\t2026-05-04 08:00:00\t0\n9002\t2026-05-04 08:01:00\t0\n"
    token = _token(_upload(as_hr, "log.txt", body))
    assert 'id="import-unknown"' in as_hr.get(f"/attendance/import/{token}").get_data(as_text=True)
    as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token})
    assert _count() == 0  # not half-imported
    as_hr.post(f"/attendance/import/{token}/map", data={"clock_id": "9001", "staff_number": org.hk_staff.staff_number})
    assert db.session.scalar(sa.select(DeviceUserId.clock_id).where(DeviceUserId.staff_id == org.hk_staff.id)) == "9001"
    as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token})
    assert _count() == 0  # 9002 is still unknown
    as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token, "keep_unmapped": "y"})
    assert dict(db.session.execute(sa.select(Punch.clock_id, Punch.staff_id)).all()) == {
        "9001": org.hk_staff.id, "9002": None}


def test_an_unreadable_file_is_refused_at_the_upload(org, as_hr):
    response = _upload(as_hr, "log.txt", b"\x00\x01\x02binary")
    assert response.status_code == 200 and _count() == 0


def test_someone_elses_staged_import_is_forbidden(org, as_hr, auth, make_user):
    from hrapp.models import Role

    token = _token(_upload(as_hr, "attlog.dat", _log(org)))
    make_user(Role.HR, "hr2")
    auth.logout()
    auth.login("hr2")
    assert as_hr.get(f"/attendance/import/{token}").status_code == 403
    assert as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token}).status_code == 403
    assert as_hr.get("/attendance/import/" + "x" * 40).status_code == 404


def test_lines_in_a_closed_attendance_month_are_refused_and_nothing_is_imported(org, as_hr):
    from datetime import date

    from hrapp.models import PeriodClose, PeriodKind
    db.session.add(PeriodClose(module="attendance", period_kind=PeriodKind.MONTH, starts_on=date(2026, 5, 1),
                               ends_on=date(2026, 5, 31), department_id=org.desk_staff.department_id))
    db.session.commit()
    as_hr.post("/auth/locale/en")
    token = _token(_upload(as_hr, "attlog.dat", _log(org)))
    page = as_hr.get(f"/attendance/import/{token}").get_data(as_text=True)
    assert page.count("HR has closed") == 2 and 'id="import-confirm"' not in page  # the desk's two lines
    as_hr.post(f"/attendance/import/{token}/confirm", data={"token": token})
    assert _count() == 0
