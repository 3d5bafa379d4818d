"""/iclock/ driven exactly as a ZKTeco terminal drives it: the handshake, an ATTLOG push (tab-separated, with a
malformed line and a status-255 line), the same push replayed, polling for commands, and strangers refused."""
from datetime import datetime

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Punch, PunchSource, PunchState


def _punches():
    return list(db.session.scalars(sa.select(Punch).order_by(Punch.punched_at, Punch.clock_id)))


def _push(client, serial, body, table="ATTLOG", stamp="9999"):
    return client.post(f"/iclock/cdata?SN={serial}&table={table}&Stamp={stamp}", data=body.encode(),
                       content_type="text/plain")


def test_a_terminal_handshakes_pushes_replays_and_polls(client, org, device):
    hello = client.get(f"/iclock/cdata?SN={device.serial}&options=all&language=83&pushver=2.4.1")
    assert hello.status_code == 200 and hello.mimetype == "text/plain"
    text = hello.get_data(as_text=True)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert lines[0] == f"GET OPTION FROM: {device.serial}"
    for option in ("ATTLOGStamp=0", "OPERLOGStamp=0", "ATTPHOTOStamp=0", "ErrorDelay=30", "Delay=10",
                   "TransTimes=00:00;14:05", "TransInterval=1", "TransFlag=TransData AttLog OpLog",
                   "TimeZone=+08:00", "Realtime=1", "Encrypt=None"):
        assert option in lines
    desk, hk = org.desk_staff.staff_number, org.hk_staff.staff_number
    body = (f"{desk}\t2026-05-04 08:58:07\t0\t1\t0\t0\t0\n"
            "garbage without tabs\n"
            f"{hk}\t2026-05-04 17:31:00\t255\t15\t0\t0\t0\n"
            "7777\t2026-05-04 09:00:00\t1\t1\t0\t0\t0\n")
    first = _push(client, device.serial, body, stamp="500")
    assert first.get_data(as_text=True) == "OK: 3\r\n"
    punches = _punches()
    assert [(p.clock_id, p.punched_at, p.staff_id, p.state) for p in punches] == [
        (desk, datetime(2026, 5, 4, 0, 58, 7), org.desk_staff.id, PunchState.CHECK_IN),
        ("7777", datetime(2026, 5, 4, 1, 0), None, PunchState.CHECK_OUT),  # unmapped: kept for HR
        (hk, datetime(2026, 5, 4, 9, 31), org.hk_staff.id, PunchState.UNDEFINED),
    ]
    assert {p.source for p in punches} == {PunchSource.DEVICE} and {p.device_id for p in punches} == {device.id}
    assert punches[2].verify_mode == 15 and punches[2].raw_line == f"{hk}\t2026-05-04 17:31:00\t255\t15\t0\t0\t0"
    seen = db.session.get(AttendanceDevice, device.id)
    assert seen.attlog_stamp == "500" and seen.last_seen_at is not None and seen.version_id == 1
    # the same batch again (a terminal that missed our answer): acknowledged, nothing new stored
    again = _push(client, device.serial, body, stamp="500")
    assert again.get_data(as_text=True) == "OK: 3\r\n" and len(_punches()) == 3
    # the next handshake resumes from the stamp
    assert "ATTLOGStamp=500" in client.get(f"/iclock/cdata?SN={device.serial}&options=all").get_data(as_text=True)
    poll = client.get(f"/iclock/getrequest?SN={device.serial}")
    assert poll.status_code == 200 and poll.get_data(as_text=True) == "OK\r\n"
    assert client.post(f"/iclock/devicecmd?SN={device.serial}", data="ID=1&Return=0").get_data(as_text=True) == "OK\r\n"


def test_other_tables_are_acknowledged_with_their_line_count(client, org, device):
    operlog = _push(client, device.serial, "OPLOG 4\t0\t2026-05-04 08:00:00\t0\t0\t0\t0\n" * 2, table="OPERLOG",
                    stamp="77")
    assert operlog.get_data(as_text=True) == "OK: 2\r\n"
    users = _push(client, device.serial, "PIN=1001\tName=Li\tPri=0\nPIN=1002\tName=Wang\tPri=0\n"
                                         "PIN=1003\tName=Zhao\tPri=0\n", table="USERINFO")
    assert users.get_data(as_text=True) == "OK: 3\r\n"
    assert _punches() == []
    assert db.session.get(AttendanceDevice, device.id).operlog_stamp == "77"


def test_a_device_in_another_zone_and_the_same_punch_from_two_devices(client, org, device, make_device):
    bangkok = make_device("CLK0002", "曼谷分店", "Asia/Bangkok")
    assert "TimeZone=+07:00" in client.get("/iclock/cdata?SN=CLK0002&options=all").get_data(as_text=True)
    desk = org.desk_staff.staff_number
    assert _push(client, "CLK0002", f"{desk}\t2026-05-04 07:58:07\t0\t1\t0\n").get_data(as_text=True) == "OK: 1\r\n"
    # the same instant (08:58:07 in China) from the Shanghai device: stored once
    assert _push(client, device.serial, f"{desk}\t2026-05-04 08:58:07\t0\t1\t0\n").get_data(as_text=True) \
        == "OK: 1\r\n"
    punches = _punches()
    assert [(p.punched_at, p.device_id) for p in punches] == [(datetime(2026, 5, 4, 0, 58, 7), bangkok.id)]


@pytest.mark.parametrize("path,method", [("/iclock/cdata?SN=NOPE&options=all", "get"),
                                         ("/iclock/cdata?SN=NOPE&table=ATTLOG", "post"),
                                         ("/iclock/getrequest?SN=NOPE", "get"), ("/iclock/devicecmd?SN=NOPE", "post"),
                                         ("/iclock/cdata?options=all", "get"), ("/iclock/getrequest?SN=" + "x" * 300,
                                                                                "get")])
def test_an_unknown_serial_gets_fail(client, org, device, path, method):
    response = getattr(client, method)(path, data="1001\t2026-05-04 08:58:07\t0\t1\n" if method == "post" else None)
    assert response.status_code == 200 and response.get_data(as_text=True) == "FAIL\r\n"
    assert _punches() == []


def test_a_deactivated_device_gets_fail(client, org, device):
    device.active = False
    db.session.commit()
    assert client.get(f"/iclock/cdata?SN={device.serial}&options=all").get_data(as_text=True) == "FAIL\r\n"
    body = f"{org.desk_staff.staff_number}\t2026-05-04 08:58:07\t0\t1\n"
    assert _push(client, device.serial, body).get_data(as_text=True) == "FAIL\r\n"
    assert _punches() == []


def test_garbage_never_gets_a_500(client, org, device):
    for body in (b"\xff\xfe\x00garbage", b"\t\t\t\n\n", b"1001\t9999-99-99 99:99:99\t0\n", b""):
        response = client.post(f"/iclock/cdata?SN={device.serial}&table=ATTLOG&Stamp=abc" + "9" * 40, data=body,
                               content_type="application/octet-stream")
        assert response.status_code == 200 and response.get_data(as_text=True) == "OK: 0\r\n"
    assert _punches() == []
    assert db.session.get(AttendanceDevice, device.id).attlog_stamp  # a long stamp is cut, not a 500


def test_a_future_punch_is_acknowledged_but_not_stored(client, org, device):
    body = f"{org.desk_staff.staff_number}\t2099-05-04 08:58:07\t0\t1\n"
    assert _push(client, device.serial, body).get_data(as_text=True) == "OK: 1\r\n"
    assert _punches() == []


def test_malformed_lines_are_counted_and_logged_once(client, org, device, caplog):
    body = "bad one\n" + f"{org.desk_staff.staff_number}\t2026-05-04 08:58:07\t0\t1\n" + "bad two\t\n"
    with caplog.at_level("WARNING", logger="hrapp.blueprints.attendance.clocks.receiving"):
        assert _push(client, device.serial, body).get_data(as_text=True) == "OK: 1\r\n"
    warnings = [r.getMessage() for r in caplog.records if "malformed" in r.getMessage()]
    assert len(warnings) == 1 and "2 malformed" in warnings[0] and device.serial in warnings[0]
    assert len(_punches()) == 1
