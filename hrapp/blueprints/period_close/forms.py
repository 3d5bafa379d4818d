"""Period close forms: closing and reopening ask for a confirmation; reopening needs a reason."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from hrapp.blueprints.period_close.services import REASON_LENGTH
from hrapp.forms import CreateForm


class PeriodCloseForm(CreateForm):
    """Close one module's month for one department (the three are hidden: chosen on the overview)."""

    module = HiddenField(validators=[DataRequired()])
    department_id = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    month = HiddenField(validators=[DataRequired()])
    expected_version = IntegerField(widget=HiddenInput(), default=0, validators=[InputRequired()])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_LENGTH)],
                           description=_l("Optional, e.g. \"attendance reconciled\"."))
    include_sub_departments = BooleanField(_l("Close its sub-departments too"))
    confirm = BooleanField(_l("I understand that nobody can change these records until HR reopens the period."),
                           validators=[DataRequired(_l("Tick the box to confirm."))])


class PeriodReopenForm(FlaskForm):
    """Reopen a closed period: a reason is required."""

    expected_version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    reason = StringField(_l("Reason for reopening"), validators=[DataRequired(), Length(max=REASON_LENGTH)])
    confirm = BooleanField(_l("Reopen: the records of this period can be changed again."),
                           validators=[DataRequired(_l("Tick the box to confirm."))])
