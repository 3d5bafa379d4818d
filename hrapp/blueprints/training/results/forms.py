"""Forms of the results part: field parsing only; the services check the rules and their messages land on the
fields (hrapp.core.validation.errors_onto_form). The views set the choices."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from hrapp.blueprints.training.labels import FEEDBACK_LABELS
from hrapp.blueprints.training.rules import SIGNIN_CODE_DIGITS
from hrapp.forms import CreateForm, VersionedForm
from hrapp.models import FeedbackRating, Presence

from .feedback import COMMENT_MAX

MARKS = (Presence.PRESENT, Presence.ABSENT, Presence.EXCUSED)


class SignInForm(FlaskForm):
    """The code the trainer shows."""

    code = StringField(_l("Sign-in code"), validators=[
        DataRequired(), Regexp(rf"^\s*\d{{{SIGNIN_CODE_DIGITS}}}\s*$",
                               message=_l("The code has %(digits)s digits.", digits=SIGNIN_CODE_DIGITS))],
        render_kw={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": SIGNIN_CODE_DIGITS + 2})


class PresenceForm(VersionedForm):
    """One person's mark; `version_id` is the enrolment's version when the register was loaded."""

    presence = SelectField(_l("Presence"), choices=[(p.value, p.value) for p in MARKS], validators=[InputRequired()])


class SessionStepForm(VersionedForm):
    """"All present" or a new sign-in code; `version_id` is the session's version when the page was loaded."""


class AttemptForm(CreateForm):
    """A score for a present attendee (their next attempt at the course)."""

    enrolment_id = SelectField(_l("Person"), coerce=int, validators=[InputRequired()])
    score = DecimalField(_l("Score"), places=1, validators=[Optional()])


class AttemptEditForm(VersionedForm):
    """Correct a score, saying why."""

    score = DecimalField(_l("Score"), places=1, validators=[Optional()])
    reason = StringField(_l("Reason for the change"), validators=[Optional(), Length(max=255)])


class FeedbackForm(CreateForm):
    """The five-level rating and a short comment."""

    rating = RadioField(_l("How satisfied were you with this session?"), coerce=int,
                        choices=[(r.value, FEEDBACK_LABELS[r]) for r in FeedbackRating],
                        validators=[InputRequired(message=_l("Choose a rating."))])
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=COMMENT_MAX)],
                            render_kw={"maxlength": COMMENT_MAX, "rows": 3})
