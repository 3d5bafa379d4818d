"""Roster forms: field parsing only; the services validate the business rules and their messages land on the
fields through `hrapp.core.validation.errors_onto_form`."""
import re
import zlib
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.fields import ColorField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from hrapp.blueprints.roster.labels import choices_of
from hrapp.blueprints.roster.rules import ShiftTypeData
from hrapp.forms import ConfirmForm, CreateForm, VersionedForm, optional_int  # noqa: F401  (ConfirmForm re-exported: the views import it from here)
from hrapp.models import DayKind, PeriodKind, ShiftKind

OFFSET_LINE = re.compile(r"^\s*([^:：=\s]+)\s*[:：=]\s*(-?\d+)\s*$")


class ShiftTypeForm(VersionedForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=8)],
                       description=_l("What the grid shows and what you type in it, e.g. 早."))
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=40)])
    name_en = StringField(_l("English name"), validators=[Optional(), Length(max=80)])
    kind = SelectField(_l("Kind"), choices=choices_of(ShiftKind), default=ShiftKind.WORK.value)
    start_time = TimeField(_l("Start"), validators=[Optional()])
    end_time = TimeField(_l("End"), validators=[Optional()],
                         description=_l("An end at or before the start means the shift ends the next day."))
    break_minutes = IntegerField(_l("Unpaid break (minutes)"), default=0, validators=[InputRequired()])
    colour = ColorField(_l("Colour"), default="#9e9e9e")
    is_night = BooleanField(_l("Night shift"))
    counts_as_workday = BooleanField(_l("Counts as a working day"), default=True)

    def shift_type_data(self) -> ShiftTypeData:
        return ShiftTypeData(
            code=(self.code.data or "").strip(), name=self.name.data or "", kind=self.kind.data,
            start=self.start_time.data, end=self.end_time.data, break_minutes=self.break_minutes.data or 0,
            name_en=self.name_en.data or "", colour=self.colour.data or "", is_night=bool(self.is_night.data),
            counts_as_workday=bool(self.counts_as_workday.data))

    def is_stale(self, shift_type) -> bool:
        """The shift type changed since the form was loaded (someone else saved it)."""
        return shift_type is not None and self.expected_version() != shift_type.version_id


SHIFT_TYPE_ALIASES = {"start": "start_time", "end": "end_time"}


class ShiftTypeCreateForm(CreateForm, ShiftTypeForm):
    """A new shift type: the edit form with a one-time submission token."""


class DateDemandForm(FlaskForm):
    """Demand of one shift on one date (wins over the weekday figure)."""

    shift_type_id = SelectField(_l("Shift"), coerce=int)
    on_date = DateField(_l("Date"), validators=[InputRequired()])
    required = IntegerField(_l("People needed"), validators=[InputRequired()])


def demand_version(current: dict) -> int:
    """A version of a department's weekly figures as a whole (they have no row of their own to carry one):
    a checksum of (shift type, weekday) -> required, which changes whenever any figure does."""
    return zlib.crc32(repr(sorted(current.items())).encode())


def weekly_demand_form(shift_types, current: dict, bind: bool = True):
    """A form with one whole-number field `d_<shift type id>_<weekday>` per work shift and weekday (0 = Monday),
    carrying the version of the figures it showed (`demand_version`)."""

    class WeeklyDemandForm(VersionedForm):
        def is_stale(self, now: dict) -> bool:
            """The figures changed since the form was loaded (someone else saved them)."""
            return self.expected_version() != demand_version(now)

    for shift in shift_types:
        for weekday in range(7):
            setattr(WeeklyDemandForm, demand_field(shift.id, weekday),
                    IntegerField(shift.code, default=current.get((shift.id, weekday), 0),
                                 validators=[InputRequired()]))
    version = demand_version(current)
    return WeeklyDemandForm(version_id=version) if bind else WeeklyDemandForm(formdata=None, version_id=version)


def demand_field(shift_type_id: int, weekday: int) -> str:
    return f"d_{shift_type_id}_{weekday}"


class HolidaySyncForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=2000, max=2100)])


class CompanyDayForm(FlaskForm):
    day = DateField(_l("Date"), validators=[InputRequired()])
    kind = SelectField(_l("The day is"), choices=choices_of(DayKind), default=DayKind.HOLIDAY.value)
    name = StringField(_l("Name"), validators=[Optional(), Length(max=60)], description=_l("e.g. 店庆 (company day)"))


class RuleSettingsForm(VersionedForm):
    """The roster rules; `version_id` is the stored rules' version when the page was loaded (0: defaults)."""

    min_rest_hours = DecimalField(_l("Minimum rest between shifts (hours)"), places=2, validators=[InputRequired()])
    max_consecutive_days = IntegerField(_l("Maximum consecutive working days"), validators=[InputRequired()])
    max_weekly_hours = DecimalField(_l("Maximum weekly hours"), places=2, validators=[InputRequired()])
    comprehensive_hours = BooleanField(_l("Comprehensive working hours (综合计算工时制)"),
                                       description=_l("Weekly hours are averaged over the roster period."))
    soft_rules = SelectMultipleField(_l("Rules that only warn (soft)"), validate_choice=False,
                                     description=_l("The others block publishing until fixed (HR may override)."))


SETTINGS_ALIASES = {"min_rest_minutes": "min_rest_hours", "max_weekly_minutes": "max_weekly_hours"}


def hours_to_minutes(value: Decimal | None) -> int:
    return int(round((value or Decimal(0)) * 60))


class RosterCreateForm(CreateForm):
    department_id = SelectField(_l("Department"), coerce=int, validate_choice=False)
    period_kind = SelectField(_l("Period"), choices=choices_of(PeriodKind), default=PeriodKind.MONTH.value)
    day = DateField(_l("Any day in the period"), validators=[InputRequired()])


class _VersionedForm(FlaskForm):
    """Bulk steps check the roster version the editor saw (someone else's edit in between is a conflict)."""

    expected_version = HiddenField(validators=[InputRequired()])

    def version(self) -> int | None:
        return optional_int(self.expected_version.data)

    def validate_expected_version(self, field):
        if not (field.data or "").isdigit():
            raise ValidationError(_l("Reload the page and try again."))


class _ChangeForm(_VersionedForm):
    reason = StringField(_l("Reason for the change"), validators=[Optional(), Length(max=255)],
                         description=_l("Required once the roster is published; the people affected see it."))
    override_reason = StringField(_l("Override reason (HR)"), validators=[Optional(), Length(max=500)])


class FillRangeForm(_ChangeForm):
    # The services check people and codes against the roster (their messages are clearer than "not a choice").
    staff_ids = SelectMultipleField(_l("People"), coerce=int, validate_choice=False,
                                    description=_l("None selected: everyone."))
    shift_code = SelectField(_l("Shift"), validate_choice=False)
    first_day = DateField(_l("From"), validators=[InputRequired()])
    last_day = DateField(_l("To"), validators=[InputRequired()])

    def selected_staff(self, everyone) -> list[int]:
        return list(self.staff_ids.data or everyone)

    def code(self) -> str | None:
        return self.shift_code.data or None


class CopyPreviousForm(_ChangeForm):
    overwrite = BooleanField(_l("Overwrite cells already filled"))


class PatternForm(_ChangeForm):
    pattern = StringField(_l("Rotation pattern"), validators=[DataRequired(), Length(max=200)],
                          description=_l("Shift codes in order, e.g. 早早中中晚晚休休."))
    offsets = TextAreaField(_l("Start offset per person"), validators=[DataRequired()], render_kw={"rows": 8},
                            description=_l(
                                'One line per person: "staff number: offset". Everyone follows the same pattern '
                                'and starts over at its end; the offset is where in it a person starts: 0 begins '
                                'the period on its first shift, 2 on its third. Example: with 早早中中夜休休 and '
                                'offset 2, the first days are 中, 中, 夜, 休, 休, then 早 again.'))
    first_day = DateField(_l("From"), validators=[Optional()])
    last_day = DateField(_l("To"), validators=[Optional()])

    def __init__(self, *args, staff_numbers: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff_numbers = staff_numbers or {}
        self.offset_map: dict[int, int] = {}

    def validate_offsets(self, field):
        offsets, bad = {}, []
        for line in (field.data or "").splitlines():
            if not line.strip():
                continue
            match = OFFSET_LINE.match(line)
            staff_id = self.staff_numbers.get(match.group(1)) if match else None
            if staff_id is None:
                bad.append(line.strip()[:30])
            else:
                offsets[staff_id] = int(match.group(2))
        if bad:
            raise ValidationError(_l("Not a known staff number with an offset: %(lines)s", lines="; ".join(bad[:5])))
        self.offset_map = offsets


def default_offsets(rows) -> str:
    """Staggered starts: the i-th person starts i days into the pattern."""
    return "\n".join(f"{row.staff_number}: {i}" for i, row in enumerate(rows))


class GenerateForm(_VersionedForm):
    pass


class PublishForm(_VersionedForm):
    override_reason = TextAreaField(_l("Publish despite hard breaches because (HR only)"),
                                    validators=[Optional(), Length(max=500)], render_kw={"rows": 2})


class LockForm(_VersionedForm):
    pass


class SwapProposeForm(CreateForm):
    my_shift = SelectField(_l("My day"), validators=[InputRequired()])
    partner_id = SelectField(_l("Colleague"), coerce=optional_int, validate_choice=False,
                             validators=[InputRequired()])
    partner_day = DateField(_l("Colleague's day"), validators=[Optional()],
                            description=_l("Leave empty to swap the same day."))
    note = StringField(_l("Note"), validators=[Optional(), Length(max=255)])

    def roster_and_day(self):
        """(roster id, date) of the chosen own shift."""
        roster_id, _, day = (self.my_shift.data or "").partition(":")
        return int(roster_id), date.fromisoformat(day)


class SwapDecisionForm(VersionedForm):
    """One step on a swap; `version_id` is the swap's version when the page was loaded (a stale one is refused)."""

    note = StringField(_l("Note"), validators=[Optional(), Length(max=255)])
    override_reason = StringField(_l("Approve despite hard breaches because (HR only)"),
                                  validators=[Optional(), Length(max=500)])


class RestAdjustForm(CreateForm):
    staff_id = SelectField(_l("Person"), coerce=int, validate_choice=False)
    days = DecimalField(_l("Days (+ owed, - taken)"), places=1, validators=[InputRequired()])
    on = DateField(_l("Date"), validators=[InputRequired()])
    note = StringField(_l("Reason"), validators=[DataRequired(), Length(max=255)])


class DayOffForm(CreateForm):
    """A requested day off; `staff_id` is used when a head enters it for someone (hidden on "my schedule")."""

    staff_id = SelectField(_l("Person"), coerce=optional_int, validate_choice=False, validators=[Optional()])
    day = DateField(_l("Day off"), validators=[InputRequired()])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=200)],
                       description=_l("Optional, e.g. a family event. Your head sees it."))


class WorkDefaultsForm(VersionedForm):
    """The company's working days; `version_id` is the rule settings' version (0: none stored yet)."""

    days_per_month = DecimalField(_l("Working days a month"), places=2, validators=[InputRequired()],
                                  description=_l("Contracted working days of a full month, e.g. 21.75; partial "
                                                 "months and leave are prorated by day."))
    tolerance = DecimalField(_l("Tolerance (days)"), places=2, validators=[InputRequired()],
                             description=_l("How far a generated roster may stray from each person's target."))


INHERIT, OFFICE_ONLY, ANY_DAY = "", "office", "any"


class WorkTermsForm(VersionedForm):
    """One position's or person's terms; `version_id` is their terms row's version (0: none set yet)."""

    subject = SelectField(_l("Position or person"), validate_choice=False, validators=[DataRequired()])
    days_per_month = DecimalField(_l("Working days a month"), places=2, validators=[Optional()],
                                  description=_l("Empty: the position's, else the company's."))
    shift_codes = SelectMultipleField(_l("Shifts allowed"), validate_choice=False,
                                      description=_l("None selected: the position's, else any shift."))
    days = SelectField(_l("Days allowed"), choices=[(INHERIT, _l("As the position (else any day)")),
                                            (OFFICE_ONLY, _l("Office days only (Monday-Friday, 调休)")),
                                            (ANY_DAY, _l("Any day"))], default=INHERIT)

    def office_days_only(self) -> bool | None:
        return {OFFICE_ONLY: True, ANY_DAY: False}.get(self.days.data)


class AddMemberForm(_VersionedForm):
    """Add a newcomer as a row of a published roster."""

    staff_id = IntegerField(validators=[InputRequired()])
