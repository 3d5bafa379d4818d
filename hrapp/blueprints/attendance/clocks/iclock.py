"""The ZKTeco ADMS ("push SDK") protocol a terminal speaks to /iclock/: a plain blueprint, no login and no CSRF
(a terminal has neither); it is known by its registered serial number (`SN=`).

- GET  /iclock/cdata?SN=..&options=all      the handshake: the options block (stamps, delays, time zone)
- POST /iclock/cdata?SN=..&table=ATTLOG     punches, one tab-separated line each -> "OK: <lines accepted>"
- POST /iclock/cdata?SN=..&table=OPERLOG / USERINFO (or anything else) -> "OK: <lines>" (counted, not stored)
- GET  /iclock/getrequest?SN=..             "OK" (no queued commands)
- POST /iclock/devicecmd?SN=..              "OK"

Answers are text/plain with CRLF line ends. An unknown or deactivated serial gets "FAIL" with status 200:
terminals treat any non-200 as a network error and retry at once, in a loop; a 200 "FAIL" makes them wait
ErrorDelay and try again later. Garbage never gets a 500: malformed lines are skipped and counted.
"""
from flask import Blueprint, Response, request

from hrapp.blueprints.attendance.clocks.receiving import active_device, count_lines, mark_seen, receive_attlog
from hrapp.blueprints.attendance.clocks.rules import CRLF, options_block, utc_offset_text
from hrapp.extensions import csrf, db
from hrapp.models.base import utcnow

bp = Blueprint("attendance_iclock", __name__, url_prefix="/iclock")
csrf.exempt(bp)
MAX_BODY = 4 * 1024 * 1024  # under the app-wide request limit; a terminal sends a few hundred KB at most


def _text(body: str) -> Response:
    return Response(body if body.endswith(CRLF) else body + CRLF, status=200, mimetype="text/plain")


def _fail() -> Response:
    return _text("FAIL")


def _body() -> str:
    return request.get_data(cache=False)[:MAX_BODY].decode("utf-8", errors="replace")


@bp.route("/cdata", methods=["GET"])
def handshake():
    """The terminal's handshake: the options block, resuming from the stamps it last delivered."""
    device = active_device(request.args.get("SN"))
    if device is None:
        return _fail()
    block = options_block(device.serial, device.attlog_stamp, device.operlog_stamp,
                          utc_offset_text(device.timezone, utcnow()))
    mark_seen(device, request.remote_addr or "")
    db.session.commit()
    return _text(block)


@bp.route("/cdata", methods=["POST"])
def push_table():
    """A pushed table: ATTLOG lines are stored as punches; other tables are acknowledged with their line count."""
    device = active_device(request.args.get("SN"))
    if device is None:
        return _fail()
    table = (request.args.get("table") or "").upper()
    stamp = request.args.get("Stamp") or request.args.get("stamp")
    body = _body()
    if table == "ATTLOG":
        received = receive_attlog(device, body)
        mark_seen(device, request.remote_addr or "", attlog_stamp=stamp)
        count = received.accepted
    else:
        count = count_lines(body)
        mark_seen(device, request.remote_addr or "", operlog_stamp=stamp if table == "OPERLOG" else None)
    db.session.commit()
    return _text(f"OK: {count}")


@bp.route("/getrequest", methods=["GET"])
def get_request():
    """The terminal polls for commands: none are queued yet."""
    device = active_device(request.args.get("SN"))
    if device is None:
        return _fail()
    mark_seen(device, request.remote_addr or "")
    db.session.commit()
    return _text("OK")


@bp.route("/devicecmd", methods=["POST"])
def device_command():
    """The terminal reports a command's result: acknowledged."""
    if active_device(request.args.get("SN")) is None:
        return _fail()
    return _text("OK")
