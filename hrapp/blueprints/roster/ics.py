"""ICS calendar of a person's shifts, built from plain data with `icalendar` (no Flask, no database)."""
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

PRODID = "-//hrapp//roster//ZH"


@dataclass(frozen=True)
class IcsShift:
    """One shift: local wall-clock start and end (naive, in the calendar's timezone); `uid` is stable."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""


def build_ics(shifts: Iterable[IcsShift], name: str, stamp: datetime, tz_name: str = "Asia/Shanghai") -> bytes:
    """An iCalendar (RFC 5545) file with one event per shift in `tz_name`, including its VTIMEZONE.

    `stamp` (UTC) becomes every event's DTSTAMP, so the same input always gives the same bytes.
    """
    tz = ZoneInfo(tz_name)
    # A fixed calendar UID (icalendar would pick a random one): the same input gives the same bytes.
    cal = Calendar.new(prodid=PRODID, name=name, uid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"hrapp-roster:{name}")))
    cal.add("x-wr-timezone", tz_name)
    utc_stamp = stamp.replace(tzinfo=ZoneInfo("UTC")) if stamp.tzinfo is None else stamp
    for shift in shifts:
        event = Event.new(uid=shift.uid, summary=shift.summary, start=shift.start.replace(tzinfo=tz),
                          end=shift.end.replace(tzinfo=tz), stamp=utc_stamp,
                          description=shift.description or None, location=shift.location or None)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
