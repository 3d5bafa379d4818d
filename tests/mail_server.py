"""A local SMTP server (aiosmtpd) the mail tests start, and the app configured to send to it."""
import email
import socket
from contextlib import contextmanager
from email.policy import default as default_policy

from aiosmtpd.controller import Controller


class Inbox:
    """An aiosmtpd handler keeping every mail it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def local_smtp(app, monkeypatch, box: Inbox, **server_options):
    """Run `box` as an SMTP server on a free local port while the block runs, with the app's MAIL_* pointing at it.
    `server_options` go to aiosmtpd's SMTP server (e.g. an `authenticator`, to offer AUTH)."""
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, **server_options)
    controller.start()
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    monkeypatch.setitem(app.config, "MAIL_FROM", "hr@hotel.example")
    try:
        yield box
    finally:
        controller.stop()
