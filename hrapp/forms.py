"""Forms every module shares."""
from flask_wtf import FlaskForm


class ConfirmForm(FlaskForm):
    """A button-only POST (issue, sign, mark read, revoke...): the CSRF token only."""
