"""The review's forms: each step carries the violation's version as the page showed it (a stale one is refused)."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from hrapp.core.money_fields import MoneyField
from hrapp.forms import VersionedForm

REASON_MESSAGE = _l("Please give a reason.")


class AcknowledgeForm(VersionedForm):
    """The person accepts the violation."""


class AppealForm(VersionedForm):
    """The person appeals with their grounds."""

    grounds = TextAreaField(_l("Your grounds for the appeal"), validators=[
        DataRequired(message=_l("Please say why you appeal.")), Length(max=4000)],
        description=_l("HR reads this; it may refer the appeal to the general manager."))


class ReviewForm(VersionedForm):
    """HR confirms, at the recorded amount or at a new one."""

    amount = MoneyField(_l("Adjusted fine"), validators=[Optional()],
                        description=_l("Leave empty to confirm the amount recorded."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(message=REASON_MESSAGE), Length(max=2000)])


class ReasonForm(VersionedForm):
    """A step that only needs a reason (void, refer)."""

    reason = TextAreaField(_l("Reason"), validators=[DataRequired(message=REASON_MESSAGE), Length(max=2000)])


class DecideForm(VersionedForm):
    """The general manager's decision on a referred appeal."""

    outcome = RadioField(_l("Decision"), choices=[("uphold", _l("Uphold the violation")),
                                                  ("overturn", _l("Overturn it (void)"))],
                         validators=[InputRequired(message=_l("Choose a decision."))])
    amount = MoneyField(_l("Adjusted fine"), validators=[Optional()],
                        description=_l("Only when upholding at a different amount."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(message=REASON_MESSAGE), Length(max=2000)])


class SecondApproveForm(VersionedForm):
    """The second approval of a fine above the company cap."""

    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=255)])


# The form of each step offered on the panel (by the step's name).
STEP_FORMS = {"acknowledge": AcknowledgeForm, "appeal": AppealForm, "finalize": ReviewForm, "void": ReasonForm,
              "refer": ReasonForm, "uphold": DecideForm, "second_approve": SecondApproveForm}
