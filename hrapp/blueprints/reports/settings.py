"""Report settings, read from the app configuration with defaults (config.py belongs to the lead).

Keys (defaults in config.py): PKI_DIR (default <instance>/pki), PKI_PASSPHRASE (env PKI_PASSPHRASE; a development default
outside production), PKI_AUTO_ISSUE (issue personal signing certificates from the local root on
first use, default True), REPORTS_VERIFY_URL (the verify page's address printed in the footer; default
PUBLIC_BASE_URL + /verify, else the address of the request that issues the document, else none),
REPORTS_VERIFY_MAX_BYTES (default 20 MiB; MAX_CONTENT_LENGTH still applies).
"""
import os
from pathlib import Path

from flask import current_app, has_request_context, request

from hrapp.blueprints.reports.pki import PkiError, PkiSettings

DEV_PASSPHRASE = "hrapp-dev-pki-passphrase"


def _production(config) -> bool:
    return bool(config.get("PKI_REQUIRE_PASSPHRASE", False))


def pki_settings() -> PkiSettings:
    """Where the PKI lives and the passphrase of its keys.

    :raise PkiError: production without PKI_PASSPHRASE.
    """
    config = current_app.config
    directory = Path(config.get("PKI_DIR") or Path(current_app.instance_path) / "pki")
    passphrase = config.get("PKI_PASSPHRASE") or os.environ.get("PKI_PASSPHRASE")
    if not passphrase:
        if _production(config):
            raise PkiError("PKI_PASSPHRASE must be set in production")
        passphrase = DEV_PASSPHRASE
    return PkiSettings(directory, passphrase.encode() if isinstance(passphrase, str) else passphrase)


def auto_issue() -> bool:
    return bool(current_app.config.get("PKI_AUTO_ISSUE", True))


def verify_url() -> str:
    """The public address of the verify page ("" when none is known: a CLI or job run without a setting)."""
    explicit = current_app.config.get("REPORTS_VERIFY_URL", "") or ""
    if explicit:
        return explicit
    base = current_app.config.get("PUBLIC_BASE_URL", "") or (request.host_url if has_request_context() else "")
    return f"{base.rstrip('/')}/verify" if base else ""


def verify_max_bytes() -> int:
    return int(current_app.config.get("REPORTS_VERIFY_MAX_BYTES", 20 * 1024 * 1024))
