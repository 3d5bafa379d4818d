"""Staff forms: one form for create and edit, a contact form for self-service, list filters."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from hrapp.core.money_fields import MoneyField
from hrapp.core.people_match import MAX_QUERY
from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import choices
from hrapp.models import EmploymentStatus, Gender


class StaffForm(VersionedForm):
    staff_number = StringField(_l("Staff number"), validators=[DataRequired(), Length(max=20)])
    name_zh = StringField(_l("Chinese name"), validators=[DataRequired(), Length(max=40)])
    name_en = StringField(_l("English name"), validators=[Optional(), Length(max=80)])
    gender = SelectField(_l("Gender"), choices=choices(Gender), coerce=Gender, validators=[DataRequired()])
    birth_on = DateField(_l("Birth date"), validators=[Optional()])
    id_number = StringField(_l("ID number"), validators=[Optional(), Length(max=18)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=20)])
    email = StringField(_l("Email"), validators=[Optional(), Email(), Length(max=120)])
    department_id = SelectField(_l("Department"), coerce=int, validators=[InputRequired()])
    position_id = SelectField(_l("Position"), coerce=optional_int, validators=[Optional()])
    superior_number = StringField(_l("Direct superior (staff number)"), validators=[Optional(), Length(max=20)])
    hire_on = DateField(_l("Hire date"), validators=[InputRequired()])
    status = SelectField(_l("Employment status"), choices=choices(EmploymentStatus), coerce=EmploymentStatus, validators=[DataRequired()])
    left_on = DateField(_l("Leaving date"), validators=[Optional()])
    career_started_on = DateField(_l("Career start date"), validators=[Optional()],
                                  description=_l("When cumulative service for annual leave starts; empty: the hire "
                                                 "date."))
    probation_ends_on = DateField(_l("Probation ends on"), validators=[Optional()])
    contract_ends_on = DateField(_l("Contract ends on"), validators=[Optional()],
                                 description=_l("Empty: an open-ended contract."))
    daily_wage_amount = MoneyField(_l("Daily wage (CNY)"), default=0, validators=[InputRequired()])
    monthly_base_amount = MoneyField(_l("Monthly base pay (CNY)"), default=0, validators=[InputRequired()])
    emergency_contact_name = StringField(_l("Emergency contact"), validators=[Optional(), Length(max=40)])
    emergency_contact_phone = StringField(_l("Emergency contact phone"), validators=[Optional(), Length(max=20)])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=2000)])
    effective_on = DateField(_l("Change effective on"), validators=[Optional()],
                             description=_l("For transfers, promotions, status and pay changes; today if empty."))


class StaffCreateForm(CreateForm, StaffForm):
    """A new staff record: the edit form with a one-time submission token."""


class ContactForm(VersionedForm):
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=20)])
    emergency_contact_name = StringField(_l("Emergency contact"), validators=[Optional(), Length(max=40)])
    emergency_contact_phone = StringField(_l("Emergency contact phone"), validators=[Optional(), Length(max=20)])


class StaffFilterForm(FlaskForm):
    class Meta:
        csrf = False

    # What staff_text_match finds, shown as the box's placeholder.
    q = StringField(_l("Search"), validators=[Optional(), Length(max=MAX_QUERY)],
                    description=_l("Name, pinyin, staff number or phone"))
    department = SelectField(_l("Department"), coerce=optional_int, validators=[Optional()])
    status = SelectField(_l("Status"), choices=[("", _l("All statuses")), *choices(EmploymentStatus)],
                         validators=[Optional()])
    per_page = IntegerField(default=25, validators=[Optional(), NumberRange(min=1, max=200)])
