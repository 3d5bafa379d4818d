"""The pure rules: retry schedule, masked addresses, each platform's request and answer, the nearest robot."""
import base64
import hashlib
import hmac
import urllib.parse
from datetime import UTC, datetime, timedelta

import pytest

from hrapp.blueprints.notifications.outward.rules import (
    mask_webhook,
    nearest_robot_department,
    next_attempt,
    robot_reply_error,
    robot_request,
    webhook_allowed,
    webhook_host,
)
from hrapp.core.tree import path_ids

pytestmark = pytest.mark.unit
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("attempts", "minutes"), [(1, 1), (2, 5), (3, 15), (4, 60)])
def test_next_attempt_backs_off(attempts, minutes):
    assert next_attempt(attempts, NOW) == NOW + timedelta(minutes=minutes)


def test_next_attempt_after_the_last_is_none():
    assert next_attempt(5, NOW) is None
    assert next_attempt(2, NOW, (3,)) is None
    assert next_attempt(1, NOW, (3,)) == NOW + timedelta(minutes=3)


def test_mask_webhook_keeps_host_and_last_four():
    url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
    masked = mask_webhook(url)
    assert masked == "https://qyapi.weixin.qq.com/…5aaa"
    assert "693a91f6" not in masked
    assert mask_webhook("https://x.example/abc") == "https://x.example/…"


def test_wecom_request_is_a_text_message():
    call = robot_request("wecom", "https://qyapi.example/send?key=k", "", "你好", NOW)
    assert call.url == "https://qyapi.example/send?key=k"
    assert call.payload == {"msgtype": "text", "text": {"content": "你好"}}


def test_dingtalk_signs_in_the_query_string():
    call = robot_request("dingtalk", "https://oapi.example/robot/send?access_token=t", "SECabc", "hi", NOW)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(call.url).query))
    stamp = str(int(NOW.timestamp() * 1000))
    assert query["access_token"] == "t" and query["timestamp"] == stamp
    expected = base64.b64encode(hmac.new(b"SECabc", f"{stamp}\nSECabc".encode(), hashlib.sha256).digest()).decode()
    assert query["sign"] == expected
    assert call.payload == {"msgtype": "text", "text": {"content": "hi"}}


def test_dingtalk_without_a_secret_is_not_signed():
    assert "sign" not in robot_request("dingtalk", "https://o.example/send?access_token=t", "", "hi", NOW).url


def test_feishu_signs_in_the_body():
    call = robot_request("feishu", "https://open.feishu.example/hook/x", "s3cret", "hi", NOW)
    stamp = str(int(NOW.timestamp()))
    expected = base64.b64encode(hmac.new(f"{stamp}\ns3cret".encode(), b"", hashlib.sha256).digest()).decode()
    assert call.payload == {"timestamp": stamp, "sign": expected, "msg_type": "text", "content": {"text": "hi"}}


def test_a_naive_time_is_utc():
    naive = NOW.replace(tzinfo=None)
    call = robot_request("feishu", "https://open.feishu.example/hook/x", "s", "hi", naive)
    assert call.payload["timestamp"] == str(int(NOW.timestamp()))


def test_unknown_platform_is_refused():
    with pytest.raises(ValueError):
        robot_request("slack", "https://x", "", "hi", NOW)


@pytest.mark.parametrize(("platform", "reply", "error"), [
    ("wecom", {"errcode": 0, "errmsg": "ok"}, None),
    ("dingtalk", {"errcode": 310000, "errmsg": "sign not match"}, "errcode 310000: sign not match"),
    ("feishu", {"code": 0, "msg": "success"}, None),
    ("feishu", {"StatusCode": 0, "StatusMessage": "success"}, None),
    ("feishu", {"code": 19021, "msg": "sign match fail"}, "code 19021: sign match fail"),
    ("wecom", None, "unexpected answer (not a JSON object)"),
])
def test_reply_error(platform, reply, error):
    assert robot_reply_error(platform, reply) == error


def test_nearest_robot_department_walks_up():
    assert path_ids("/1/4/9/") == [1, 4, 9]
    assert path_ids("") == path_ids(None) == []
    assert nearest_robot_department([1, 4, 9], {1, 4}) == 4
    assert nearest_robot_department([1, 4, 9], {9, 1}) == 9
    assert nearest_robot_department([1, 4, 9], set()) is None


@pytest.mark.parametrize(("url", "allow_loopback", "allowed"), [
    ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", False, True),
    ("https://open.feishu.cn/open-apis/bot/v2/hook/x", True, True),
    ("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", False, False),
    ("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", True, False),  # http only to loopback
    ("http://127.0.0.1:8080/wecom/k", False, False),
    ("http://127.0.0.1:8080/wecom/k", True, True),
    ("http://localhost/wecom/k", True, True),
    ("http://[::1]:8080/wecom/k", True, True),
    ("http://127.0.0.1.evil.example/wecom/k", True, False),
    ("ftp://example.com/x", True, False),
    ("https:///no-host", False, False),
    ("https://[broken/x", False, False),
    ("", False, False),
])
def test_webhook_allowed(url, allow_loopback, allowed):
    assert webhook_allowed(url, allow_loopback) is allowed


def test_webhook_host_is_all_an_error_shows():
    assert webhook_host("https://oapi.dingtalk.com/robot/send?access_token=SECRET") == "oapi.dingtalk.com"
    assert webhook_host("https://[broken/x") == ""
