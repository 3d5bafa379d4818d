"""Errors every layer shares. Web forms and the API each render them one way.
The validation shape (field -> messages) is `hrapp.core.validation.ValidationFailed`."""
from flask_babel import lazy_gettext as _l

# The one answer to a stale edit, everywhere (a form message, a flash, the 409 page, the API's 409 JSON).
STALE_MESSAGE = _l("Someone else changed this record; reload and try again.")


class StaleRecord(RuntimeError):
    """The record changed since the editor loaded it (someone else saved first)."""

    def __str__(self) -> str:
        return str(STALE_MESSAGE)


def check_version(record, expected_version: int | None, attr: str = "version_id") -> None:
    """Refuse an edit made on a page that showed an older version of `record` (None: no page, e.g. the CLI).

    :raise StaleRecord: `expected_version` is not the record's current version.
    """
    if expected_version is not None and expected_version != getattr(record, attr):
        raise StaleRecord()
