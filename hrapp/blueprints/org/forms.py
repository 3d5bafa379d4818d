"""Organisation forms: settings, department, position, job description."""
from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, DecimalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from hrapp.core.money_fields import MoneyField
from hrapp.forms import CreateForm, VersionedForm, optional_int

CODE = Regexp(r"^[A-Za-z0-9_-]+$", message=_l("Letters, digits, '-' and '_' only."))


class SettingsForm(VersionedForm):
    name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=120)])
    timezone = SelectField(_l("Time zone"), choices=sorted(available_timezones()), default="Asia/Shanghai")
    currency = StringField(_l("Currency"), default="CNY",
                           validators=[DataRequired(), Regexp(r"^[A-Za-z]{3}$", message=_l("A 3-letter code such as CNY."))])
    minimum_monthly_wage_amount = MoneyField(
        _l("Local monthly minimum wage"), validators=[Optional()],
        description=_l("A monthly wage below it is refused; empty: no minimum."))
    paid_days_per_month = DecimalField(
        _l("Paid days per month"), places=2, default=21.75,
        validators=[Optional(), NumberRange(min=1, max=31)],
        description=_l("Daily wage = monthly wage / this figure; empty: the statutory 21.75."))


class DepartmentForm(VersionedForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20), CODE])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)])
    name_en = StringField(_l("English name"), validators=[Optional(), Length(max=80)])
    parent_id = SelectField(_l("Parent department"), coerce=optional_int, validators=[Optional()])
    planned_headcount = IntegerField(_l("Planned headcount"), default=0,
                                     validators=[InputRequired(), NumberRange(min=0, max=100000)])


class PositionForm(VersionedForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20), CODE])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)])
    name_en = StringField(_l("English name"), validators=[Optional(), Length(max=80)])
    department_id = SelectField(_l("Department"), coerce=int, validators=[InputRequired()])
    superior_position_id = SelectField(_l("Direct superior position"), coerce=optional_int, validators=[Optional()])
    job_family = StringField(_l("Job family"), validators=[Optional(), Length(max=40)])
    grade = StringField(_l("Grade"), validators=[Optional(), Length(max=20)])
    headcount = IntegerField(_l("Headcount"), default=0, validators=[InputRequired(), NumberRange(min=0, max=100000)])
    comprehensive_hours = BooleanField(
        _l("Comprehensive working hours (综合计算工时制)"),
        description=_l("Approved for this position: attendance measures its hours over the month, not lateness and "
                       "overtime per day."))


def _text(label, description=None):
    return TextAreaField(label, validators=[Optional(), Length(max=5000)], description=description)


class DepartmentCreateForm(CreateForm, DepartmentForm):
    """A new department: the edit form with a one-time submission token."""


class PositionCreateForm(CreateForm, PositionForm):
    """A new position: the edit form with a one-time submission token."""


class JobDescriptionForm(VersionedForm):
    summary = _text(_l("Summary of duties"))
    duties = _text(_l("Duties"), _l("One numbered duty per line."))
    authority_financial = _text(_l("Authority: financial"))
    authority_personnel = _text(_l("Authority: personnel"))
    authority_business = _text(_l("Authority: business"))
    education_required = _text(_l("Education: required"))
    education_ideal = _text(_l("Education: ideal"))
    experience_required = _text(_l("Experience: required"))
    experience_ideal = _text(_l("Experience: ideal"))
    knowledge_required = _text(_l("Knowledge: required"))
    knowledge_ideal = _text(_l("Knowledge: ideal"))
    competencies_required = _text(_l("Competencies: required"))
    competencies_ideal = _text(_l("Competencies: ideal"))
    special_requirements = _text(_l("Special requirements"))
    training_induction = _text(_l("Training: induction"))
    training_pre_post = _text(_l("Training: before taking the post"))
    training_general = _text(_l("Training: general professional"))
    career_next = _text(_l("Career path: next position"))
    career_interchangeable = _text(_l("Career path: interchangeable positions"))
    analysis_on = DateField(_l("Job analysis date"), validators=[Optional()])


class ApproveForm(VersionedForm):
    """Approve a draft; `version_id` is the draft's version when the page was loaded (a stale one is refused)."""

    approved_on = DateField(_l("Approved on"), validators=[InputRequired()])
