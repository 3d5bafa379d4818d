"""Errors every layer shares (pure: no Flask). Web forms and the API each render them one way."""


class ValidationFailed(ValueError):
    """Input broke the rules: field name -> list of messages (translated or lazy)."""

    def __init__(self, errors: dict[str, list]):
        super().__init__(errors)
        self.errors = errors


class StaleRecord(RuntimeError):
    """The record changed since the editor loaded it (someone else saved first)."""
