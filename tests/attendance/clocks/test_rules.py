"""The pure rules of the time clocks (no app): ATTLOG lines, local time to UTC, the options block, API times."""
from datetime import datetime

import pytest

from hrapp.blueprints.attendance.clocks.rules import (
    body_lines,
    is_zone,
    local_to_utc,
    options_block,
    parse_api_timestamp,
    parse_attlog_line,
    utc_offset_text,
)


def test_parse_attlog_line_reads_a_terminal_line():
    line = parse_attlog_line("1001\t2026-05-04 08:58:07\t0\t1\t0\t0\t0\r\n")
    assert (line.pin, line.local_time, line.state, line.verify) == ("1001", datetime(2026, 5, 4, 8, 58, 7), 0, 1)
    assert line.raw == "1001\t2026-05-04 08:58:07\t0\t1\t0\t0\t0"


def test_parse_attlog_line_without_status_is_undefined():
    assert parse_attlog_line("1001\t2026-05-04 08:58:07").state == 255


@pytest.mark.parametrize("text", ["", "1001", "1001 2026-05-04 08:58:07", "\t2026-05-04 08:58:07\t0",
                                  "1001\t2026-13-04 08:58:07\t0", "1001\tyesterday\t0", "1001\t2026-05-04 08:58:07\tx",
                                  "1001\t2026-05-04 08:58:07\t256", "1001\t2026-05-04 08:58:07\t0\t-1",
                                  "X" * 40 + "\t2026-05-04 08:58:07\t0"])
def test_parse_attlog_line_refuses_malformed_lines(text):
    assert parse_attlog_line(text) is None


def test_local_to_utc_uses_the_device_zone():
    assert local_to_utc(datetime(2026, 5, 4, 8, 58), "Asia/Shanghai") == datetime(2026, 5, 4, 0, 58)
    assert local_to_utc(datetime(2026, 5, 4, 8, 58), "Asia/Bangkok") == datetime(2026, 5, 4, 1, 58)
    # summer time where there is one
    assert local_to_utc(datetime(2026, 7, 1, 9, 0), "Europe/Berlin") == datetime(2026, 7, 1, 7, 0)


def test_utc_offset_text():
    at = datetime(2026, 5, 4)
    assert utc_offset_text("Asia/Shanghai", at) == "+08:00"
    assert utc_offset_text("America/New_York", at) == "-04:00"
    assert utc_offset_text("Asia/Kolkata", at) == "+05:30"


def test_options_block_lines_and_crlf():
    block = options_block("CLK1", "123", "0", "+08:00")
    assert block.endswith("\r\n") and "\n" not in block.replace("\r\n", "")
    lines = block.split("\r\n")[:-1]
    assert lines[0] == "GET OPTION FROM: CLK1"
    assert "ATTLOGStamp=123" in lines and "TimeZone=+08:00" in lines and "Encrypt=None" in lines
    assert "TransFlag=TransData AttLog OpLog" in lines


def test_is_zone():
    assert is_zone("Asia/Shanghai") and not is_zone("Mars/Base") and not is_zone("") and not is_zone("../etc")


def test_parse_api_timestamp_local_unless_offset():
    assert parse_api_timestamp("2026-05-04T08:58:00", "Asia/Shanghai") == datetime(2026, 5, 4, 0, 58)
    assert parse_api_timestamp("2026-05-04T08:58:00+07:00", "Asia/Shanghai") == datetime(2026, 5, 4, 1, 58)
    assert parse_api_timestamp("2026-05-04T08:58:00Z", "Asia/Shanghai") == datetime(2026, 5, 4, 8, 58)
    with pytest.raises(ValueError):
        parse_api_timestamp("04/05/2026 08:58", "Asia/Shanghai")


def test_body_lines_skip_blank_lines():
    assert body_lines("a\r\n\r\nb\n\n") == ["a", "b"]
