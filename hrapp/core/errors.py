"""Errors every layer shares (pure: no Flask). Web forms and the API each render them one way.
The validation shape (field -> messages) is `hrapp.core.validation.ValidationFailed`."""


class StaleRecord(RuntimeError):
    """The record changed since the editor loaded it (someone else saved first)."""
