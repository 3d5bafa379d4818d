"""Forms and form helpers every module shares."""
from flask_wtf import FlaskForm
from wtforms import HiddenField


class ConfirmForm(FlaskForm):
    """A button-only POST (issue, sign, mark read, revoke...): the CSRF token only."""


class VersionedForm(FlaskForm):
    """A workflow step or edit that carries the record's version as it was when the page was loaded."""

    version_id = HiddenField()

    def expected_version(self) -> int:
        """The posted version; see `posted_version`. Only what was posted counts: a form built with `obj=record`
        would otherwise fill a missing field with the record's current version and let a versionless POST through."""
        return posted_version(self.version_id.raw_data[0] if self.version_id.raw_data else None)


def posted_version(raw) -> int:
    """A version sent by a page; -1 (never a record's version, so refused as stale) when missing or garbled."""
    try:
        return int(raw)
    except (TypeError, ValueError):
        return -1


def optional_int(value) -> int | None:
    """A select field's coerce for an optional id: "" and "None" mean no choice."""
    return int(value) if value not in (None, "", "None") else None
