"""Errors every layer shares. Web forms and the API each render them one way.
The validation shape (field -> messages) is `hrapp.core.validation.ValidationFailed`."""
from flask_babel import lazy_gettext as _l

# The one answer to a stale edit, everywhere (a form message, a flash, the 409 page, the API's 409 JSON).
STALE_MESSAGE = _l("Someone else changed this record; reload and try again.")


class StaleRecord(RuntimeError):
    """The record changed since the editor loaded it (someone else saved first)."""

    def __str__(self) -> str:
        return str(STALE_MESSAGE)
