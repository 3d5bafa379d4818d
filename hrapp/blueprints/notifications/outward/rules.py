"""Pure rules of outward notifications: the retry schedule, the masked webhook address, each robot platform's
request (payload and signature) and how to read its answer, and the nearest department with a robot.
No Flask, no database."""
import base64
import hashlib
import hmac
import ipaddress
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

WECOM, DINGTALK, FEISHU = "wecom", "dingtalk", "feishu"
DEFAULT_BACKOFF_MINUTES = (1, 5, 15, 60)


def next_attempt(attempts: int, now: datetime, backoff_minutes: Sequence[int] = DEFAULT_BACKOFF_MINUTES
                 ) -> datetime | None:
    """When to try again after `attempts` failed attempts (1 = the first), or None: that was the last one.

    With the default schedule a delivery is tried 5 times: at once, then 1, 5, 15 and 60 minutes later.
    """
    if attempts < 1 or attempts > len(backoff_minutes):
        return None
    return now + timedelta(minutes=backoff_minutes[attempts - 1])


def mask_webhook(url: str) -> str:
    """The webhook address as pages show it: scheme and host, then only the last 4 characters of the rest
    (the rest is the robot's key: whoever has it may post to the group)."""
    parts = urllib.parse.urlsplit(url)
    rest = url[len(f"{parts.scheme}://{parts.netloc}"):] if parts.netloc else url
    tail = rest[-4:] if len(rest) > 8 else ""
    head = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return f"{head}/…{tail}"


def webhook_host(url: str) -> str:
    """The host of a webhook address, the only part of it an error message or a log may show."""
    try:
        return urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""


def is_loopback_host(host: str) -> bool:
    """"localhost" or a loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def webhook_allowed(url: str, allow_http_loopback: bool = False) -> bool:
    """Whether messages may be posted to `url`: https with a host; plain http only to a loopback host, and only
    when `allow_http_loopback` (the tests' local robot emulator; never in production)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    host = webhook_host(url)
    if not host:
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and allow_http_loopback and is_loopback_host(host)


@dataclass(frozen=True)
class RobotRequest:
    """What to POST (as JSON) to which address."""

    url: str
    payload: dict


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's `sign`: base64(HMAC-SHA256(key=secret, msg="{timestamp}\\n{secret}")), not yet URL-encoded."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """Feishu's `sign`: base64(HMAC-SHA256(key="{timestamp}\\n{secret}", msg=b""))."""
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def robot_request(platform: str, webhook_url: str, secret: str, text: str, now: datetime) -> RobotRequest:
    """The text message for a robot of `platform`, signed when it has a secret.

    WeCom and DingTalk take {"msgtype": "text", "text": {"content": ...}}; DingTalk signs in the query string
    (`timestamp` in milliseconds, `sign`). Feishu takes {"msg_type": "text", "content": {"text": ...}} and signs
    in the body (`timestamp` in seconds, `sign`).
    `now` naive is UTC (as the database stores times). :raise ValueError: an unknown platform.
    """
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now
    if platform in (WECOM, DINGTALK):
        payload = {"msgtype": "text", "text": {"content": text}}
        if platform == DINGTALK and secret:
            stamp = int(now.timestamp() * 1000)
            query = urllib.parse.urlencode({"timestamp": stamp, "sign": dingtalk_sign(secret, stamp)})
            webhook_url = f"{webhook_url}{'&' if '?' in webhook_url else '?'}{query}"
        return RobotRequest(webhook_url, payload)
    if platform == FEISHU:
        payload = {"msg_type": "text", "content": {"text": text}}
        if secret:
            stamp = int(now.timestamp())
            payload = {"timestamp": str(stamp), "sign": feishu_sign(secret, stamp), **payload}
        return RobotRequest(webhook_url, payload)
    raise ValueError(f"unknown robot platform {platform!r}")


def robot_reply_error(platform: str, reply: object) -> str | None:
    """None when the platform's JSON answer says the message was accepted; else its error as text.

    WeCom and DingTalk answer {"errcode": 0, "errmsg": "ok"}; Feishu {"code": 0, "msg": "success"}.
    """
    if not isinstance(reply, Mapping):
        return "unexpected answer (not a JSON object)"
    code_key, message_key = ("code", "msg") if platform == FEISHU else ("errcode", "errmsg")
    code = reply.get(code_key, reply.get("StatusCode"))  # older Feishu robots answer StatusCode
    if code == 0:
        return None
    return f"{code_key} {code}: {reply.get(message_key, '') or reply.get('StatusMessage', '')}".strip()


def nearest_robot_department(path_ids: Sequence[int], with_robot: set[int] | frozenset[int]) -> int | None:
    """The department nearest to the recipient's (the last of `path_ids`, root first) that has an active
    robot, walking up the tree; None when no department on the way has one."""
    return next((dept for dept in reversed(path_ids) if dept in with_robot), None)
