"""Forms and form helpers every module shares."""
from flask import current_app, request
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField

from hrapp.core import submissions
from hrapp.core.urls import db_int


class ConfirmForm(FlaskForm):
    """A button-only POST (issue, sign, mark read, revoke...): the CSRF token only."""


class VersionedForm(FlaskForm):
    """A workflow step or edit that carries the record's version as it was when the page was loaded."""

    version_id = HiddenField()

    def expected_version(self) -> int:
        """The posted version; see `posted_version`. Only what was posted counts: a form built with `obj=record`
        would otherwise fill a missing field with the record's current version and let a versionless POST through."""
        return posted_version(self.version_id.raw_data[0] if self.version_id.raw_data else None)

    def stale_for(self, record) -> bool:
        """Posted for an older version of `record`: answer STALE before any other check of the form (a person
        whose page is out of date is told that first, not that a field is missing)."""
        return self.is_submitted() and self.expected_version() != record.version_id


def posted_version(raw) -> int:
    """A version sent by a page; -1 (never a record's version, so refused as stale) when missing or garbled."""
    try:
        return int(raw)
    except (TypeError, ValueError):
        return -1


def optional_int(value) -> int | None:
    """A select field's coerce for an optional id: "" and "None" mean no choice; a number beyond the database's
    integers is refused like any other bad choice (ValueError), not sent to the database."""
    return db_int(value) if value not in (None, "", "None") else None


class CreateForm(FlaskForm):
    """A form that creates a record: a double click, a reload or a replayed POST creates one record.

    Every rendering carries a fresh one-time `submission_token` (rendered by `form.hidden_tag()`). A valid
    submit claims it (`hrapp.core.submissions.claim`), so it is stored by the view's commit with the record;
    a token already used makes the form invalid with the "already sent" message, and the page comes back
    without a second record. A form posted without its token is refused while SUBMISSION_TOKENS_REQUIRED
    is on (off only in TestingConfig, whose test client posts bare field values, as with CSRF).

    Forms that serve both create and edit stay as they are; the create view uses a subclass
    `class XCreateForm(CreateForm, XForm)`.
    """

    submission_token = HiddenField(default=submissions.new_token)

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.submission_token.raw_data:
            if current_app.config.get("SUBMISSION_TOKENS_REQUIRED", True):
                self.form_errors.append(str(submissions.MISSING))
                return False
            return True
        user_id = current_user.id if current_user.is_authenticated else None
        if not submissions.claim(self.submission_token.data, user_id, request.endpoint or ""):
            self.form_errors.append(str(submissions.ALREADY_SUBMITTED.message))
            return False
        return True
