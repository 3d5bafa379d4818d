"""Times as people read them: in the company's time zone, one format everywhere (web pages and PDFs).

Stored times are naive UTC (`utcnow`); aware ones are converted as they are. Pure: the zone is passed in.
"""
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
FORMAT = "%Y-%m-%d %H:%M"
FORMAT_SECONDS = "%Y-%m-%d %H:%M:%S"


def zone_of(name: str | None) -> ZoneInfo:
    """The zone called `name`; the default zone (China) when it is empty or unknown."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def to_zone(value: datetime, zone: str | None) -> datetime:
    """`value` (naive = UTC) as an aware time in `zone`."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return aware.astimezone(zone_of(zone))


def local_datetime(value: datetime | None, zone: str | None, seconds: bool = False) -> str:
    """"2026-05-03 14:05" in `zone` ("" for None); with `seconds`, "2026-05-03 14:05:09"."""
    if value is None:
        return ""
    return to_zone(value, zone).strftime(FORMAT_SECONDS if seconds else FORMAT)
