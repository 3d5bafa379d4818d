"""Course forms: a course's settings (create and edit alike) and a position's required training. Fields parse
only; the services judge. The views set the choices (rules, positions)."""
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from hrapp.core.urls import db_int
from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import choices
from hrapp.models import CourseCategory, RequiredTrainingKind

from .services import CourseDraft


class CourseForm(VersionedForm):
    """A course's settings and linked conduct rules."""

    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20), Regexp(
        r"^[A-Za-z0-9][A-Za-z0-9_-]*$", message=_l("Letters, digits, dashes and underscores, e.g. FIRE-01."))])
    title = StringField(_l("Title (Chinese)"), validators=[DataRequired(), Length(max=120)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=160)])
    category = SelectField(_l("Category"), validate_choice=False)
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    hours = DecimalField(_l("Class hours"), places=1, validators=[InputRequired()],
                         description=_l("Class hours, e.g. 2 or 3.5."))
    trainer_number = StringField(_l("Trainer (staff number)"), validators=[Optional(), Length(max=20)],
                                 description=_l("A staff member who trains; or give an outside trainer below."))
    trainer_name = StringField(_l("Outside trainer"), validators=[Optional(), Length(max=80)],
                               description=_l("A trainer from outside the company (name and organisation)."))
    max_score = DecimalField(_l("Maximum score"), places=1, validators=[InputRequired()], default=100)
    pass_score = DecimalField(_l("Pass mark"), places=1, validators=[Optional()],
                              description=_l("Empty: the course is not assessed."))
    retakes = IntegerField(_l("Retakes allowed"), validators=[InputRequired()], default=1,
                           description=_l("Further attempts after the first."))
    certificate_months = IntegerField(_l("Certificate valid for (months)"), validators=[Optional()],
                                      description=_l("Empty: passing issues no certificate."))
    open_enrolment = BooleanField(_l("Staff may enrol themselves"))
    rule_ids = SelectMultipleField(_l("Conduct rules the course should improve"), coerce=db_int, validate_choice=False,
                                   description=_l("Its effect page counts attendees' violations under these rules."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = choices(CourseCategory)

    def draft(self) -> CourseDraft:
        """The settings as entered."""
        return CourseDraft(
            code=self.code.data or "", title=self.title.data or "", title_en=self.title_en.data or "",
            category=self.category.data or "", description=self.description.data or "", hours=self.hours.data,
            trainer_number=self.trainer_number.data or "", trainer_name=self.trainer_name.data or "",
            max_score=self.max_score.data, pass_score=self.pass_score.data, retakes=self.retakes.data,
            certificate_months=self.certificate_months.data, open_enrolment=bool(self.open_enrolment.data),
            rule_ids=tuple(self.rule_ids.data or ()))


class CourseCreateForm(CreateForm, CourseForm):
    pass


class RequiredCreateForm(CreateForm):
    """A position that requires the course, the kind of training and the days to complete it."""

    position_id = SelectField(_l("Position"), coerce=optional_int, validate_choice=False)
    kind = SelectField(_l("Kind of training"), default=RequiredTrainingKind.INDUCTION.value, validate_choice=False)
    due_days = IntegerField(_l("Days to complete"), validators=[InputRequired()], default=30,
                            description=_l("Counted from the hire or transfer into the position."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices(RequiredTrainingKind)
