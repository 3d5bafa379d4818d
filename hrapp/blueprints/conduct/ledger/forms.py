"""Ledger forms: the month filter, and HR's three resolutions of a flagged month (each with a reason; the
adjust and defer forms carry one row per final violation with its version)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, FieldList, FormField, HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import HiddenInput

from hrapp.blueprints.conduct.messages import problem_text
from hrapp.core import money
from hrapp.forms import VersionedForm

REASON_LENGTH = 500


def _reason_field():
    return TextAreaField(_l("Reason"), validators=[DataRequired(_l("Give a reason.")), Length(max=REASON_LENGTH)])


class AmountField(StringField):
    """An adjusted amount: a valid amount of at most 2 places, not negative (the service checks it is not
    above the recorded one). Blank keeps the amount."""

    def process_formdata(self, valuelist):
        self.data = None
        if valuelist and str(valuelist[0]).strip():
            try:
                self.data = money.parse_money(valuelist[0])
            except money.MoneyError as exc:
                self.process_errors.append(problem_text(exc.code))

    def _value(self) -> str:
        return "" if self.data is None else str(self.data)


class AdjustRow(FlaskForm):
    """One final violation of the month: its id, the version shown and the new amount."""

    class Meta:
        csrf = False

    violation_id = IntegerField(widget=HiddenInput())
    version_id = HiddenField()
    amount = AmountField(_l("New amount"))


class DeferRow(FlaskForm):
    """One final violation of the month: whether to defer it, with the version shown."""

    class Meta:
        csrf = False

    violation_id = IntegerField(widget=HiddenInput())
    version_id = HiddenField()
    chosen = BooleanField(_l("Defer"))


class AdjustForm(FlaskForm):
    """Lower amounts of the month's final violations."""

    rows = FieldList(FormField(AdjustRow))
    reason = _reason_field()


class DeferForm(FlaskForm):
    """Move chosen final violations to the next month's ledger."""

    rows = FieldList(FormField(DeferRow))
    reason = _reason_field()


class OverrideForm(VersionedForm):
    """Accept the flagged month as it stands (`version_id`: the resolution's version shown, 0 for none)."""

    reason = _reason_field()
