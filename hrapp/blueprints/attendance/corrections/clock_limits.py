"""A generous rate limit per time clock on the iclock endpoints (the project's Flask-Limiter), counted per serial
number across all of them. A breach answers like an unknown device, a 200 "FAIL": terminals retry any other
status at once, in a loop, while "FAIL" makes them wait their ErrorDelay. ICLOCK_RATE_LIMIT overrides the limit.
"""
from flask import Response, current_app, request
from flask_limiter.errors import RateLimitExceeded

from hrapp.blueprints.attendance.clocks import iclock
from hrapp.blueprints.attendance.clocks.rules import CRLF
from hrapp.extensions import limiter

DEFAULT = "600 per minute"  # a terminal talks every few seconds at most; a flood is a broken or hostile client


def _limit() -> str:
    return current_app.config.get("ICLOCK_RATE_LIMIT", DEFAULT)


def _device() -> str:
    serial = (request.args.get("SN") or "").strip()[:64]
    return f"sn:{serial}" if serial else f"ip:{request.remote_addr or ''}"


def _fail(_limit_hit) -> Response:
    return Response("FAIL" + CRLF, status=200, mimetype="text/plain")


limiter.shared_limit(_limit, scope="iclock", key_func=_device, on_breach=_fail)(iclock.bp)


def _fail_on_breach(_exc: RateLimitExceeded) -> Response:
    return _fail(None)


# The app answers 429 with a page; a terminal gets its protocol's "FAIL" (the blueprint's handler comes first).
iclock.bp.register_error_handler(RateLimitExceeded, _fail_on_breach)
