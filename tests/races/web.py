"""A small HTTP client for tests against a live server (cookies, no redirects followed) and an HTML form
reader: what a browser would send, without a browser."""
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import CookieJar


@dataclass
class HtmlForm:
    """One `<form>`: its method, action, id and the values its inputs would send (hidden ones included)."""

    method: str
    action: str
    form_id: str
    values: dict = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[HtmlForm] = []
        self._current: HtmlForm | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = HtmlForm((attrs.get("method") or "get").lower(), attrs.get("action") or "",
                                     attrs.get("id") or "")
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and attrs.get("name"):
            self._current.values.setdefault(attrs["name"], attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def html_forms(html: str) -> list[HtmlForm]:
    """Every form of a page, in order."""
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def form_posting_to(html: str, action: str, page: str = "") -> HtmlForm:
    """The first POST form whose action is `action` (a path; a form without an action posts to its `page`)."""
    for form in html_forms(html):
        if form.method == "post" and (urllib.parse.urlsplit(form.action).path or page) == action:
            return form
    raise AssertionError(f"no form posting to {action}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Response:
    status: int
    text: str
    location: str = ""


class WebClient:
    """One browser: its own cookies (session, CSRF), talking to `base_url`."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect)

    def _open(self, request) -> Response:
        try:
            with self._opener.open(request, timeout=60) as reply:
                return Response(reply.status, reply.read().decode(), reply.headers.get("Location", ""))
        except urllib.error.HTTPError as reply:
            return Response(reply.code, reply.read().decode(errors="replace"), reply.headers.get("Location", ""))

    def get(self, path: str) -> Response:
        return self._open(urllib.request.Request(self.base_url + path))

    def post(self, path: str, values: dict) -> Response:
        data = urllib.parse.urlencode(values, doseq=True).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=data, method="POST"))

    def login(self, username: str, password: str) -> None:
        form = form_posting_to(self.get("/auth/login").text, "/auth/login", "/auth/login")
        reply = self.post("/auth/login", form.values | {"identifier": username, "password": password})
        assert reply.status == 302, f"login of {username} failed: {reply.status}"
