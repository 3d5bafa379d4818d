"""Forms of the sessions part: field parsing only; the services check the rules and their messages land on the
fields (hrapp.core.validation.errors_onto_form). The views set the choices."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from hrapp.company import utc_of_local
from hrapp.forms import CreateForm, VersionedForm, optional_int

from .services import SessionDraft


class SessionFields(VersionedForm):
    """A session's fields (local day and times; stored in UTC)."""

    course_id = SelectField(_l("Course"), coerce=optional_int, validators=[InputRequired()])
    department_id = SelectField(_l("Department"), coerce=optional_int, validators=[Optional()],
                                description=_l("Empty: company-wide (HR only)."))
    starts_on = DateField(_l("Day"), validators=[InputRequired()])
    start_time = TimeField(_l("Starts at"), validators=[InputRequired()])
    ends_on = DateField(_l("Last day"), validators=[Optional()],
                        description=_l("Only for a session over several days (empty: the same day)."))
    end_time = TimeField(_l("Ends at"), validators=[InputRequired()])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=120)])
    capacity = IntegerField(_l("Capacity"), validators=[InputRequired(), NumberRange(min=-10000, max=10000)])
    trainer_number = StringField(_l("Trainer's staff number"), validators=[Optional(), Length(max=20)])
    trainer_name = StringField(_l("Outside trainer"), validators=[Optional(), Length(max=80)],
                               description=_l("Both empty: the course's trainer."))
    plan_item_id = SelectField(_l("Plan item"), coerce=optional_int, validators=[Optional()])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])

    def set_choices(self, courses, departments, items, hr: bool) -> None:
        self.course_id.choices = [(c.id, f"{c.code} {c.title}") for c in courses]
        self.department_id.choices = ([("", _l("Company-wide"))] if hr else []) + [
            (d.id, f"{d.code} {d.name}") for d in departments]
        self.plan_item_id.choices = [("", _l("None"))] + [
            (item.id, f"{plan.year} {plan.department.code} Q{item.quarter} {item.course.code} {item.course.title}")
            for item, plan in items]

    def fill_from(self, session, local_start: datetime, local_end: datetime) -> None:
        """Show a stored session (for editing)."""
        self.course_id.data, self.department_id.data = session.course_id, session.department_id
        self.starts_on.data, self.start_time.data = local_start.date(), local_start.time()
        self.ends_on.data = local_end.date() if local_end.date() != local_start.date() else None
        self.end_time.data = local_end.time()
        self.place.data, self.capacity.data, self.note.data = session.place, session.capacity, session.note
        self.trainer_number.data = session.trainer.staff_number if session.trainer else ""
        self.trainer_name.data = session.trainer_name
        self.plan_item_id.data = session.plan_item_id
        self.version_id.data = session.version_id

    def draft(self) -> SessionDraft:
        starts = ends = None
        if self.starts_on.data and self.start_time.data:
            starts = utc_of_local(datetime.combine(self.starts_on.data, self.start_time.data))
        if self.end_time.data and (self.ends_on.data or self.starts_on.data):
            ends = utc_of_local(datetime.combine(self.ends_on.data or self.starts_on.data, self.end_time.data))
        return SessionDraft(self.course_id.data, self.department_id.data, starts, ends, self.capacity.data,
                            self.place.data or "", self.trainer_number.data or "", self.trainer_name.data or "",
                            self.note.data or "", self.plan_item_id.data)


class SessionCreateForm(CreateForm, SessionFields):
    """A new session (one-time token; its version field stays empty)."""


class ReasonForm(VersionedForm):
    """Cancel a session: why (the people enrolled are told)."""

    reason = StringField(_l("Reason"), validators=[InputRequired(), Length(max=255)])


class VersionOnlyForm(VersionedForm):
    """A button that acts on a record as it was shown (put on the roster, cancel a place)."""


class EnrolForm(CreateForm):
    """Enrol the people ticked (their ids come as the repeated `staff_ids` field), or oneself."""
