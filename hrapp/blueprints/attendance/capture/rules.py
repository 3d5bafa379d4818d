"""Reading punches out of device exports, and where a web punch may come from (pure: no flask, no database).

A device's attendance log is tab-separated: `user id<TAB>YYYY-MM-DD HH:MM:SS<TAB>state<TAB>verify...`; a CSV or
XLSX export is read by a column mapping (which column holds the user id, the time, the state). Times are local
to the file's time zone and come out as naive UTC. A line that cannot be read is reported by its number with a
reason code (messages.py translates it); the rest of the file is read on.
"""
import ipaddress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from hrapp.core.localtime import zone_of

PUNCH_STATE_UNDEFINED = 255
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
MAX_CLOCK_ID = 32

# Why a line is refused (translated in messages.py).
NO_ID = "no_id"
LONG_ID = "long_id"
BAD_TIME = "bad_time"
BAD_STATE = "bad_state"
TOO_FEW = "too_few"
CLOSED_MONTH = "closed_month"  # the day lies in an attendance month HR has closed


@dataclass(frozen=True)
class ParsedPunch:
    """One readable line: the clock id, the UTC time (naive), the state, the verify mode, the line as written."""

    line: int
    clock_id: str
    punched_at: datetime
    state: int = PUNCH_STATE_UNDEFINED
    verify_mode: int | None = None
    raw: str = ""


@dataclass(frozen=True)
class LineError:
    line: int
    code: str
    raw: str = ""


@dataclass(frozen=True)
class Mapping:
    """Which 0-based columns of a table hold the user id, the time and (optionally) the state and verify mode."""

    clock_id: int
    time: int
    state: int | None = None
    verify: int | None = None


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """A naive local time in `zone` as naive UTC (an aware time is converted as it is)."""
    aware = local if local.tzinfo else local.replace(tzinfo=zone)
    return aware.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def parse_time(value: object, zone: ZoneInfo) -> datetime | None:
    """A cell's time (text in one of TIME_FORMATS, or a spreadsheet datetime) as naive UTC; None if unreadable."""
    if isinstance(value, datetime):
        return to_utc(value, zone)
    if isinstance(value, date) or value is None:
        return None
    text = str(value).strip()
    for fmt in TIME_FORMATS:
        try:
            return to_utc(datetime.strptime(text, fmt), zone)
        except ValueError:
            continue
    return None


def _int_or_none(value: object) -> tuple[bool, int | None]:
    text = "" if value is None else str(value).strip()
    if not text:
        return True, None
    try:
        number = int(float(text))
    except ValueError:
        return False, None
    return (0 <= number <= 255), number


def clock_id_text(value: object) -> str:
    """A user id cell as text ("1001", also from a spreadsheet number 1001.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def parse_cells(line: int, cells: list, mapping: Mapping, zone: ZoneInfo, raw: str = "") -> ParsedPunch | LineError:
    """One row of cells read by `mapping`: a ParsedPunch, or the LineError that says why not."""
    if len(cells) <= max(mapping.clock_id, mapping.time):
        return LineError(line, TOO_FEW, raw)
    clock_id = clock_id_text(cells[mapping.clock_id])
    if not clock_id:
        return LineError(line, NO_ID, raw)
    if len(clock_id) > MAX_CLOCK_ID:
        return LineError(line, LONG_ID, raw)
    punched_at = parse_time(cells[mapping.time], zone)
    if punched_at is None:
        return LineError(line, BAD_TIME, raw)
    state_cell = cells[mapping.state] if mapping.state is not None and mapping.state < len(cells) else None
    ok, state = _int_or_none(state_cell)
    if not ok:
        return LineError(line, BAD_STATE, raw)
    verify = cells[mapping.verify] if mapping.verify is not None and mapping.verify < len(cells) else None
    _ok, verify_mode = _int_or_none(verify)
    return ParsedPunch(line, clock_id, punched_at, PUNCH_STATE_UNDEFINED if state is None else state,
                       verify_mode, raw or "\t".join(str(c) for c in cells))


LOG_MAPPING = Mapping(clock_id=0, time=1, state=2, verify=3)


def attlog_rows(text: str) -> list[tuple[int, list[str]]]:
    """A device's tab-separated attendance log as (line number, cells), blank lines skipped."""
    return [(number, [c.strip() for c in line.split("\t")])
            for number, line in enumerate(text.splitlines(), start=1) if line.strip()]


def parse_attlog(text: str, zone_name: str | None) -> list[ParsedPunch | LineError]:
    """A device's tab-separated attendance log, line by line."""
    return parse_table(attlog_rows(text), LOG_MAPPING, zone_name)


def parse_table(rows: list[tuple[int, list]], mapping: Mapping, zone_name: str | None) -> list[ParsedPunch | LineError]:
    """A spreadsheet's data rows ((row number, cells), header excluded) read by `mapping`."""
    zone = zone_of(zone_name)
    return [parse_cells(number, list(cells), mapping, zone, "\t".join("" if c is None else str(c) for c in cells))
            for number, cells in rows]


def looks_like_attlog(text: str) -> bool:
    """True when the first non-blank line is `id<TAB>time...` (a device log rather than a headed CSV)."""
    for line in text.splitlines():
        if line.strip():
            cells = line.split("\t")
            return len(cells) >= 2 and parse_time(cells[1], zone_of(None)) is not None
    return False


def guess_mapping(headers: list) -> Mapping | None:
    """The mapping a header row names in English or Chinese (user_id/工号, timestamp/time/打卡时间, state/状态)."""
    names = [str(h or "").strip().lower() for h in headers]
    def find(*candidates):
        return next((i for i, n in enumerate(names) if n in candidates), None)
    clock = find("user_id", "user id", "userid", "clock_id", "id", "工号", "考勤号", "用户id")
    at = find("timestamp", "time", "punched_at", "datetime", "打卡时间", "时间")
    if clock is None or at is None:
        return None
    return Mapping(clock, at, find("state", "status", "状态"))


def parse_networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """The company's web punch networks, one CIDR (or address) a line; unreadable lines are ignored."""
    networks = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            try:
                networks.append(ipaddress.ip_network(line, strict=False))
            except ValueError:
                continue
    return networks


def address_allowed(address: str | None, networks_text: str) -> bool:
    """May a web punch come from `address`? Anywhere when no network is set; else only from inside one."""
    networks = parse_networks(networks_text)
    if not networks:
        return True
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return False
    return any(ip in network for network in networks if network.version == ip.version)
