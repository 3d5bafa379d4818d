"""Forms of the leave requests part: field parsing only; the services check the rules and their messages land on
the fields (hrapp.core.validation.errors_onto_form). The views set the choices."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from hrapp.forms import CreateForm, VersionedForm

from .services import LeaveDraft


class LeaveRequestForm(CreateForm):
    """Ask for leave (HR: for anyone by staff number, or record it as approved at once)."""

    staff_number = StringField(_l("Staff number"), validators=[Optional(), Length(max=20)],
                               description=_l("HR only: whose leave this is (empty: your own)."))
    leave_type_id = SelectField(_l("Type of leave"), coerce=int, validators=[InputRequired()])
    starts_on = DateField(_l("From"), validators=[InputRequired()])
    starts_afternoon = BooleanField(_l("The first day from the afternoon only"))
    ends_on = DateField(_l("To"), validators=[InputRequired()])
    ends_at_noon = BooleanField(_l("The last day until noon only"))
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=500)])
    note_file = FileField(_l("Note (doctor's note: JPEG, PNG or PDF)"))
    record_approved = BooleanField(_l("Record as approved (HR)"))
    preview = SubmitField(_l("Count the days"))
    submit = SubmitField(_l("Ask for leave"))

    def set_choices(self, types) -> None:
        self.leave_type_id.choices = [(t.id, t.name) for t in types]

    def draft(self) -> LeaveDraft:
        return LeaveDraft(self.leave_type_id.data, self.starts_on.data, self.ends_on.data,
                          bool(self.starts_afternoon.data), bool(self.ends_at_noon.data), self.reason.data or "")


class LeaveStepForm(VersionedForm):
    """One step on a request; `version_id` is the request's version when the page was loaded."""

    note = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])


class CutShortForm(VersionedForm):
    """End started leave early: its new last day."""

    last_day = DateField(_l("Last day of leave"), validators=[DataRequired()])
    note = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])
