"""Outgoing mail: one small function over smtplib, configured by the MAIL_* settings."""
import smtplib
from email.message import EmailMessage

from flask import current_app


def mail_enabled() -> bool:
    """Whether a mail server is configured (MAIL_SERVER)."""
    return bool(current_app.config.get("MAIL_SERVER"))


def send_mail(to: str, subject: str, body: str) -> bool:
    """Send a plain-text mail to `to`; False (nothing sent) when no mail server is configured.

    Header values are set through `EmailMessage`, which refuses line breaks in them.
    :raise OSError, smtplib.SMTPException: the server could not be reached or refused the mail.
    """
    cfg = current_app.config
    if not mail_enabled():
        return False
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = cfg["MAIL_FROM"], to, subject
    message.set_content(body)
    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=10) as smtp:
        if cfg.get("MAIL_USE_TLS"):
            smtp.starttls()
        if cfg.get("MAIL_USERNAME"):
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
        smtp.send_message(message)
    return True
