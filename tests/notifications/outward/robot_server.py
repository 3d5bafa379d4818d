"""A local HTTP server that answers like the three group-robot platforms, for the tests.

Paths: /wecom/<key>, /dingtalk/<key>, /feishu/<key>. Each checks the platform's text payload and, when the
test gave the key a secret, its signature (DingTalk: `timestamp` and `sign` in the query string; Feishu: in the
body), and answers the platform's JSON: errcode/errmsg (WeCom, DingTalk) or code/msg (Feishu). `fail(key, n)`
makes the next n messages to a key fail with a platform error; `down(key)` answers HTTP 500; `move(key, url)`
answers a redirect there. `on_message`, when set, is called as each message arrives (before the answer: a slow
platform moves the test's clock there). Every accepted message is kept in `received` as (platform, key, text)."""
import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RobotServer:
    def __init__(self):
        self.received: list[tuple[str, str, str]] = []
        self.secrets: dict[str, str] = {}
        self.failures: dict[str, int] = {}
        self.broken: set[str] = set()
        self.moved: dict[str, str] = {}
        self.on_message = None
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, platform: str, key: str) -> str:
        return f"{self.base}/{platform}/{key}"

    def fail(self, key: str, times: int = 1) -> None:
        self.failures[key] = times

    def down(self, key: str) -> None:
        self.broken.add(key)

    def move(self, key: str, location: str) -> None:
        self.moved[key] = location

    def texts(self, key: str | None = None) -> list[str]:
        return [text for _platform, k, text in self.received if key is None or k == key]

    def start(self) -> "RobotServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, platform: str, key: str, query: dict, body: dict) -> tuple[int, dict]:
        """(HTTP status, JSON answer) for one message."""
        ok_key, msg_key = ("code", "msg") if platform == "feishu" else ("errcode", "errmsg")
        if key in self.broken:
            return 500, {}
        error = check_message(platform, body, query, self.secrets.get(key, ""))
        if error:
            return 200, {ok_key: 310000 if platform == "dingtalk" else 19021, msg_key: error}
        with self.lock:
            if self.failures.get(key, 0) > 0:
                self.failures[key] -= 1
                return 200, {ok_key: 45009, msg_key: "api freq out of limit"}
            text = body["content"]["text"] if platform == "feishu" else body["text"]["content"]
            self.received.append((platform, key, text))
        return 200, {ok_key: 0, msg_key: "success" if platform == "feishu" else "ok"}

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's hook name)
                parts = urllib.parse.urlsplit(self.path)
                _, platform, key = parts.path.split("/", 2)
                length = int(self.headers.get("Content-Length", 0))
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                query = dict(urllib.parse.parse_qsl(parts.query))
                if server.on_message is not None:
                    server.on_message()
                if key in server.moved:
                    self.send_response(307)
                    self.send_header("Location", server.moved[key])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, reply = server.answer(platform, key, query, body)
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet
                pass

        return Handler


def check_message(platform: str, body: dict, query: dict, secret: str) -> str:
    """What is wrong with a message ("" when it is a valid signed text message of the platform)."""
    if platform in ("wecom", "dingtalk"):
        if body.get("msgtype") != "text" or not isinstance(body.get("text", {}).get("content"), str):
            return "invalid message type"
    elif body.get("msg_type") != "text" or not isinstance(body.get("content", {}).get("text"), str):
        return "params error, msg_type need"
    if not secret:
        return ""
    if platform == "dingtalk":
        stamp = query.get("timestamp", "")
        if not stamp.isdigit() or abs(int(stamp) / 1000 - time.time()) > 3600:
            return "timestamp is not within one hour"
        expected = base64.b64encode(hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(),
                                             hashlib.sha256).digest()).decode()
        return "" if query.get("sign") == expected else "sign not match"
    if platform == "feishu":
        stamp = body.get("timestamp", "")
        if not stamp.isdigit() or abs(int(stamp) - time.time()) > 3600:
            return "timestamp is not within one hour"
        expected = base64.b64encode(hmac.new(f"{stamp}\n{secret}".encode(), b"", hashlib.sha256).digest()).decode()
        return "" if body.get("sign") == expected else "sign match fail or timestamp is not within one hour"
    return ""
