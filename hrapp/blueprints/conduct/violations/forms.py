"""Forms of the violations part: recording (with its check step), confirming a proposal, the list filter."""
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    IntegerField,
    MultipleFileField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from hrapp.blueprints.conduct.messages import problem_text
from hrapp.blueprints.conduct.violations.recording import Inputs
from hrapp.core import money
from hrapp.forms import CreateForm, VersionedForm, optional_int

MAX_MINUTES = 24 * 60
MAX_FILES = 5


def parse_amount(text: str | None) -> Decimal | None:
    """An amount typed in a form: None when blank. :raise ValueError: with the translated reason (negative,
    NaN, three decimals, not a number)."""
    try:
        return money.parse_money(text)
    except money.MoneyError as exc:
        raise ValueError(problem_text(exc.code)) from None


class AmountField(StringField):
    """An amount as text, parsed to `decimal` (None when blank); a bad one is this field's error."""

    decimal: Decimal | None = None

    def pre_validate(self, form) -> None:
        self.decimal = None
        try:
            self.decimal = parse_amount(self.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class InputsMixin:
    """The inputs a rule's kind needs."""

    amount = AmountField(_l("Fine (yuan)"), description=_l("For rules with a range or a minimum, and the cost "
                                                           "for compensation; the other kinds compute it."))
    amount_involved = AmountField(_l("Amount involved (yuan)"),
                                  description=_l("For rules that fine a multiple of the amount involved."))
    minutes = IntegerField(_l("Minutes late or early"), validators=[Optional(), NumberRange(min=1, max=MAX_MINUTES)])
    serious = BooleanField(_l("Serious case"))

    def inputs(self) -> Inputs:
        """The parsed inputs (fields that failed to parse count as empty)."""
        return Inputs(self.amount.decimal, self.amount_involved.decimal, self.minutes.data, bool(self.serious.data))


class ViolationForm(InputsMixin, CreateForm):
    """Record a violation: who, which rule, when and where, what happened, the inputs; evidence on saving."""

    staff_number = StringField(_l("Person (staff number)"), validators=[InputRequired(), Length(max=32)],
                               description=_l("Type a name or staff number and pick the person."))
    rule_id = SelectField(_l("Rule"), coerce=optional_int, validators=[InputRequired()])
    occurred_at = DateTimeLocalField(_l("When"), format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
                                     validators=[InputRequired()])
    place = StringField(_l("Where"), validators=[Optional(), Length(max=120)])
    description = TextAreaField(_l("What happened"), validators=[InputRequired(), Length(max=4000)])
    witnesses = StringField(_l("Witnesses"), validators=[Optional(), Length(max=255)])
    evidence = MultipleFileField(_l("Evidence (JPEG, PNG or PDF)"),
                                 description=_l("Photos or scans; attached when the violation is saved."))


class ConfirmProposalForm(InputsMixin, VersionedForm):
    """Confirm a proposal, with the inputs adjusted where needed."""


class ViolationFilterForm(FlaskForm):
    """The list's filters (GET; no CSRF)."""

    class Meta:
        csrf = False

    q = StringField(_l("Person"), validators=[Optional(), Length(max=64)])
    department = SelectField(_l("Department"), coerce=optional_int, validators=[Optional()])
    rule = SelectField(_l("Rule"), coerce=optional_int, validators=[Optional()])
    month = StringField(_l("Month (YYYY-MM)"), validators=[Optional(), Length(max=7)])
    state = SelectField(_l("State"), validators=[Optional()])
