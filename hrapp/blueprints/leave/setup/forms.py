"""Leave setup forms: a leave type, a blackout period, an entitlement's adjustment, granting a year.
Fields parse only; the services judge."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, DecimalField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from hrapp.blueprints.leave.setup.types import TypeDraft
from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import choices
from hrapp.models import LeaveBalanceKind

DAYS = dict(places=1, validators=[Optional(), NumberRange(min=0, max=999)])


class TypeForm(VersionedForm):
    """A leave type's settings (create and edit alike)."""

    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20), Regexp(
        r"^[a-z0-9][a-z0-9_-]*$", message=_l("Lower-case letters, digits, dashes and underscores, e.g. study."))],
        description=_l("A stable reference; the default types' codes cannot change."))
    name = StringField(_l("Name (Chinese)"), validators=[DataRequired(), Length(max=40)])
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=80)])
    balance_kind = SelectField(_l("Where the days come from"), default=LeaveBalanceKind.NONE.value)
    yearly_days = DecimalField(_l("Days a year"), **DAYS,
                               description=_l("Yearly entitlements: empty means the statutory 5 / 10 / 15 days."))
    max_days = DecimalField(_l("Most days in one request"), **DAYS, description=_l("Empty: no cap."))
    note_after_days = DecimalField(_l("Note required beyond (days)"), **DAYS,
                                   description=_l("A doctor's note or other document; empty: never."))
    carry_over_cap = DecimalField(_l("Days carried into the next year"), places=1,
                                  validators=[InputRequired(), NumberRange(min=0, max=999)], default=0)
    carry_over_months = IntegerField(_l("Carried days expire after (months)"),
                                     validators=[InputRequired(), NumberRange(min=1, max=12)], default=3)
    sort_order = IntegerField(_l("Order"), validators=[InputRequired(), NumberRange(min=0, max=100000)], default=100)
    paid = BooleanField(_l("Paid"), default=True)
    counts_calendar_days = BooleanField(_l("Counts calendar days (rest days included)"))
    half_days = BooleanField(_l("Half days allowed"), default=True)
    needs_hr_approval = BooleanField(_l("HR approves after the head"))
    ignores_blackouts = BooleanField(_l("Allowed during blackout periods"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.balance_kind.choices = choices(LeaveBalanceKind)

    def draft(self) -> TypeDraft:
        """The settings as entered."""
        return TypeDraft(
            code=self.code.data or "", name=self.name.data or "", name_en=self.name_en.data or "",
            paid=self.paid.data, balance_kind=self.balance_kind.data or "", yearly_days=self.yearly_days.data,
            max_days=self.max_days.data, counts_calendar_days=self.counts_calendar_days.data,
            half_days=self.half_days.data, needs_hr_approval=self.needs_hr_approval.data,
            note_after_days=self.note_after_days.data, ignores_blackouts=self.ignores_blackouts.data,
            carry_over_cap=self.carry_over_cap.data, carry_over_months=self.carry_over_months.data,
            sort_order=self.sort_order.data)


class TypeCreateForm(CreateForm, TypeForm):
    pass


class BlackoutForm(VersionedForm):
    department_id = SelectField(_l("Department"), coerce=optional_int, validate_choice=True)
    starts_on = DateField(_l("First day"), validators=[InputRequired()])
    ends_on = DateField(_l("Last day"), validators=[InputRequired()])
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=255)],
                         description=_l("E.g. the National Day golden week."))


class BlackoutCreateForm(CreateForm, BlackoutForm):
    pass


class AdjustForm(CreateForm, VersionedForm):
    """An adjustment of one entitlement (a new audited change; the row's version guards a stale page)."""

    days = DecimalField(_l("Days to add"), places=1, validators=[InputRequired(), NumberRange(min=-366, max=366)],
                        description=_l("Negative to take days away; half days allowed."))
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=255)])


class GrantForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=2000, max=2100)])
