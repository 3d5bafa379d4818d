"""Times as people read them: naive UTC shown in the company's zone, one format."""
from datetime import UTC, datetime, timedelta, timezone

from hrapp.core.localtime import local_datetime, to_zone


def test_naive_utc_is_shown_in_the_company_zone():
    assert local_datetime(datetime(2026, 12, 1, 20, 30, 5), "Asia/Shanghai") == "2026-12-02 04:30"
    assert local_datetime(datetime(2026, 12, 1, 20, 30, 5), "Asia/Shanghai", seconds=True) == "2026-12-02 04:30:05"


def test_aware_times_are_converted_and_unknown_zones_fall_back_to_china():
    aware = datetime(2026, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    assert local_datetime(aware, "UTC") == "2026-06-01 10:00"
    assert to_zone(datetime(2026, 6, 1, 0, 0, tzinfo=UTC), "Not/AZone").utcoffset() == timedelta(hours=8)


def test_none_is_blank():
    assert local_datetime(None, "Asia/Shanghai") == ""
