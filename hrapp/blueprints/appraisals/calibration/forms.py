"""Forms of the calibration part: adjusting a result (or undoing the adjustment) and returning it to the head.
Each carries the appraisal's version: a second clerk working from the same page gets the stale message."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, Optional

from hrapp.forms import CreateForm, VersionedForm

from .services import MAX_REASON


class AdjustForm(CreateForm, VersionedForm):
    """A new AppraisalAdjustment (a one-time token; the appraisal's version guards a stale page): a new total (0–100, 2 places; the grade follows the template's bands) and the required reason (both
    checked by the service, so the page and the API say the same)."""

    total = StringField(_l("New total"), validators=[Length(max=20)],
                        description=_l("0 to 100, at most 2 decimal places; the grade follows the template's bands."))
    reason = TextAreaField(_l("Reason"), validators=[Length(max=MAX_REASON)])


class UndoForm(CreateForm, VersionedForm):
    """Back to the head's total (a new AppraisalAdjustment too), with the required reason."""

    reason = TextAreaField(_l("Reason"), validators=[Length(max=MAX_REASON)])


class ReturnForm(VersionedForm):
    """The workflow step return_to_head: the reason is required (the workflow says so)."""

    note = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])
