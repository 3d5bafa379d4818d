"""Correction forms: the person's request, HR's correction, the decision steps (the version travels with each)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length

from hrapp.forms import CreateForm, VersionedForm
from hrapp.labels import choices
from hrapp.models import CorrectionKind


def kind_choices() -> list[tuple[str, str]]:
    return choices(CorrectionKind)


class CorrectionForm(CreateForm):
    """A person's correction of their own day."""

    day = DateField(_l("Day"), validators=[DataRequired()])
    kind = SelectField(_l("Missing punch"), choices=kind_choices, validators=[DataRequired()])
    time = TimeField(_l("Time of the punch"), validators=[DataRequired()],
                     description=_l("Local time, as you would have punched."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=500)])


class HrCorrectionForm(CorrectionForm):
    """HR's correction of anyone's day (accepted at once)."""

    staff_number = StringField(_l("Staff number"), validators=[DataRequired(), Length(max=32)])


class CorrectionStepForm(VersionedForm):
    """Accept, reject (with a reason) or withdraw."""

    note = StringField(_l("Reason"), validators=[Length(max=255)])


class ExcludePunchForm(FlaskForm):
    """Set a wrong punch aside: a reason is required (the punch's state is the guard: a second try is refused)."""

    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=255)])
