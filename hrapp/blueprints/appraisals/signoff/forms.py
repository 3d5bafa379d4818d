"""Sign-off's forms: each carries the appraisal's version as the page showed it (a stale one is refused)."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from hrapp.forms import VersionedForm

from . import rules
from .messages import GROUNDS_REQUIRED

REASON_REQUIRED = _l("Please give a reason.")


class AcknowledgeForm(VersionedForm):
    """The person accepts the published result."""


class AppealForm(VersionedForm):
    """The person appeals with their grounds."""

    note = TextAreaField(_l("Your grounds for the appeal"), validators=[
        DataRequired(message=GROUNDS_REQUIRED), Length(max=4000)],
        description=_l("HR reads this and decides: the result is upheld or adjusted."))


class DecideForm(VersionedForm):
    """HR's decision on an appeal: uphold, or adjust the total (the grade follows the template's bands)."""

    decision = RadioField(_l("Decision"), choices=[(rules.UPHELD, _l("Uphold the result")),
                                                   (rules.ADJUSTED, _l("Adjust the total"))],
                          validators=[InputRequired(message=_l("Choose to uphold the result or adjust it."))])
    total = StringField(_l("Adjusted total (0–100)"), validators=[Optional(), Length(max=10)],
                        render_kw={"inputmode": "decimal"},
                        description=_l("Only when adjusting; the grade follows the template's bands."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(message=REASON_REQUIRED), Length(max=2000)])
