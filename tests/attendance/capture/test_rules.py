"""Reading device exports and the web punch networks (pure, no app)."""
from datetime import datetime

from hrapp.blueprints.attendance.capture.rules import (
    BAD_STATE,
    BAD_TIME,
    NO_ID,
    TOO_FEW,
    LineError,
    Mapping,
    ParsedPunch,
    address_allowed,
    guess_mapping,
    looks_like_attlog,
    parse_attlog,
    parse_table,
)


def test_attlog_lines_become_utc_punches_and_bad_lines_are_reported_by_number():
    text = ("1001\t2026-05-04 08:58:01\t0\t1\t0\t0\n\n"
            "1002\t2026-05-04 25:00:00\t0\t1\n"
            "\t2026-05-04 09:00:00\t0\n"
            "1003\t2026-05-04 09:00\tx\n"
            "1004\n")
    results = parse_attlog(text, "Asia/Shanghai")
    assert results[0] == ParsedPunch(1, "1001", datetime(2026, 5, 4, 0, 58, 1), 0, 1,
                                     "1001\t2026-05-04 08:58:01\t0\t1\t0\t0")
    assert [(r.line, r.code) for r in results[1:]] == [(3, BAD_TIME), (4, NO_ID), (5, BAD_STATE), (6, TOO_FEW)]
    assert all(isinstance(r, LineError) for r in results[1:])


def test_the_file_time_zone_is_applied():
    (punch,) = parse_attlog("7\t2026-05-04 08:00:00\t1\t1\n", "Europe/London")
    assert punch.punched_at == datetime(2026, 5, 4, 7, 0)  # BST
    assert punch.state == 1


def test_a_table_is_read_by_its_mapping_and_spreadsheet_values_are_accepted():
    rows = [(2, ["x", 1001.0, datetime(2026, 5, 4, 9, 0)]), (3, ["y", "1002", "2026/05/04 18:01"])]
    results = parse_table(rows, Mapping(clock_id=1, time=2), "Asia/Shanghai")
    assert [(r.clock_id, r.punched_at, r.state) for r in results] == [
        ("1001", datetime(2026, 5, 4, 1, 0), 255), ("1002", datetime(2026, 5, 4, 10, 1), 255)]


def test_headers_name_the_mapping_in_english_or_chinese():
    assert guess_mapping(["user_id", "timestamp", "state"]) == Mapping(0, 1, 2)
    assert guess_mapping(["姓名", "工号", "打卡时间"]) == Mapping(1, 2, None)
    assert guess_mapping(["a", "b"]) is None


def test_a_device_log_is_recognised_by_its_first_line():
    assert looks_like_attlog("1\t2026-05-04 08:00:00\t0\n")
    assert not looks_like_attlog("user_id,timestamp\n1,2026-05-04 08:00\n")


def test_web_punch_networks():
    assert address_allowed("8.8.8.8", "")
    assert address_allowed("10.1.2.3", "10.0.0.0/8\n192.168.1.0/24")
    assert not address_allowed("8.8.8.8", "10.0.0.0/8")
    assert not address_allowed("", "10.0.0.0/8")
    assert address_allowed("::1", "junk\n::1/128")
