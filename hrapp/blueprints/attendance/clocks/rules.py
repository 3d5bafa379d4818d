"""Pure rules of the time clocks: reading ZKTeco ADMS lines, a device's local time to UTC, the handshake's
options block, an API timestamp. No flask, no sqlalchemy: plain values in, values out."""
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CRLF = "\r\n"
MAX_PIN = 32
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class AttLine:
    """One ATTLOG line as the terminal wrote it: the person's PIN, the device-local time, state and verify mode."""

    pin: str
    local_time: datetime
    state: int
    verify: int | None
    raw: str


def is_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone zoneinfo knows ("Asia/Shanghai")."""
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _small_int(text: str, default: int | None) -> int | None:
    text = text.strip()
    if not text:
        return default
    value = int(text)  # ValueError for garbage
    if not 0 <= value <= 255:
        raise ValueError(text)
    return value


def parse_attlog_line(line: str) -> AttLine | None:
    """`PIN\\tYYYY-MM-DD HH:MM:SS\\tstatus\\tverify\\tworkcode...` read, or None when the line is malformed
    (no PIN, a time that is not one, a status or verify mode that is not a number 0-255). A missing status
    means the terminal does not say: 255."""
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) < 2:
        return None
    pin = parts[0].strip()
    if not pin or len(pin) > MAX_PIN:
        return None
    try:
        local_time = datetime.strptime(parts[1].strip(), TIME_FORMAT)
        state = _small_int(parts[2], 255) if len(parts) > 2 else 255
        verify = _small_int(parts[3], None) if len(parts) > 3 else None
    except ValueError:
        return None
    return AttLine(pin, local_time, state, verify, line.rstrip("\r\n"))


def local_to_utc(local_time: datetime, zone: str) -> datetime:
    """A device's naive local time in `zone` as naive UTC (an aware time is converted as it is)."""
    aware = local_time if local_time.tzinfo else local_time.replace(tzinfo=ZoneInfo(zone))
    return aware.astimezone(UTC).replace(tzinfo=None)


def utc_offset_text(zone: str, at: datetime) -> str:
    """The offset of `zone` at naive-UTC `at` as a terminal wants it: "+08:00", "-05:00", "+05:30"."""
    offset = at.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def options_block(serial: str, attlog_stamp: str, operlog_stamp: str, offset: str) -> str:
    """The handshake's answer to `GET /iclock/cdata?options=all`, one option per line, CRLF line ends."""
    lines = [
        f"GET OPTION FROM: {serial}",
        f"ATTLOGStamp={attlog_stamp or '0'}",
        f"OPERLOGStamp={operlog_stamp or '0'}",
        "ATTPHOTOStamp=0",
        "ErrorDelay=30",
        "Delay=10",
        "TransTimes=00:00;14:05",
        "TransInterval=1",
        "TransFlag=TransData AttLog OpLog",
        f"TimeZone={offset}",
        "Realtime=1",
        "Encrypt=None",
    ]
    return CRLF.join(lines) + CRLF


def body_lines(body: str) -> list[str]:
    """The non-empty lines of a pushed body (terminals end lines with LF or CRLF)."""
    return [line for line in body.replace("\r\n", "\n").split("\n") if line.strip()]


def parse_api_timestamp(text: str, zone: str) -> datetime:
    """An API item's ISO timestamp as naive UTC: device-local in `zone` unless it carries an offset.

    :raise ValueError: not an ISO 8601 date and time.
    """
    value = datetime.fromisoformat(text.strip())
    return local_to_utc(value.replace(microsecond=0), zone)
