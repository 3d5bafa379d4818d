"""Forms of training plans and needs. Fields parse only; the services judge (the view sets the choices)."""
from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.models import NeedSource


class PlanForm(VersionedForm):
    """A plan's budget and note (the department and year are set when it is created)."""

    budget_hours = DecimalField(_l("Budget person-hours"), places=1, default=0,
                                validators=[InputRequired(), NumberRange(min=0, max=99999.9)])
    budget_cost = DecimalField(_l("Budget cost (yuan)"), places=2, default=0,
                               validators=[InputRequired(), NumberRange(min=0, max=99999999.99)])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])


class PlanCreateForm(CreateForm, PlanForm):
    department_id = SelectField(_l("Department"), coerce=optional_int, validate_choice=True)
    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=2000, max=2100)])


class ItemForm(VersionedForm):
    """One item of a plan: a course or a free title, its quarter, people, hours per person, cost, note."""

    quarter = SelectField(_l("Quarter"), coerce=int, choices=[(q, f"Q{q}") for q in (1, 2, 3, 4)])
    course_id = SelectField(_l("Course"), coerce=optional_int, validate_choice=True,
                            description=_l("Or leave empty and give a title."))
    title = StringField(_l("Title"), validators=[Optional(), Length(max=160)])
    people = IntegerField(_l("People"), default=0, validators=[InputRequired(), NumberRange(min=0, max=100000)])
    hours = DecimalField(_l("Hours per person"), places=1, default=0,
                         validators=[InputRequired(), NumberRange(min=0, max=9999.9)])
    cost = DecimalField(_l("Cost (yuan)"), places=2, default=0,
                        validators=[InputRequired(), NumberRange(min=0, max=99999999.99)])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=255)])


class ItemCreateForm(CreateForm, ItemForm):
    pass


class NeedCreateForm(CreateForm):
    """A training need raised by hand (or from quality monitoring)."""

    department_id = SelectField(_l("Department"), coerce=optional_int, validate_choice=True)
    staff_number = StringField(_l("Staff number"), validators=[Optional(), Length(max=20)],
                               description=_l("Empty: a need of the whole department."))
    course_id = SelectField(_l("Course"), coerce=optional_int, validate_choice=True)
    topic = StringField(_l("Topic"), validators=[Optional(), Length(max=160)],
                        description=_l("What should be learnt, e.g. handling guests' complaints at the desk."))
    source = SelectField(_l("Found by"), default=NeedSource.MANUAL.value,
                         choices=[(NeedSource.MANUAL.value, _l("Raised by hand")),
                                  (NeedSource.QUALITY.value, _l("Quality monitoring"))])


class DismissForm(VersionedForm):
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])


class StepForm(VersionedForm):
    """A plan's workflow step (with a reason where the step needs one), or filling it from the sources."""

    note = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])
