"""The hygiene walks issue signed documents: reuse the report tests' session PKI."""
from tests.reports.conftest import _pki_config, pki_settings_  # noqa: F401 - fixtures
