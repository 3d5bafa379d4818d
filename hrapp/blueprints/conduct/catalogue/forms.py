"""Catalogue forms: a rule (its code on creation, then a version's texts and terms with the ladder and tier rows)
and the conduct settings. Fields parse only; catalogue/rules.py judges the terms."""
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, Form, FormField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields import FieldList
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue.rules import VersionDraft
from hrapp.blueprints.conduct.catalogue.wording import kind_choices
from hrapp.core.money_fields import MoneyField
from hrapp.forms import CreateForm, VersionedForm
from hrapp.labels import choices
from hrapp.models import Measure, PenaltyForm, RuleCategory

LADDER_ROWS = 4
TIER_ROWS = 6
NOT_A_NUMBER = _l("Enter a number such as 12.5 (NaN and infinity are not numbers).")


class DecimalText(StringField):
    """A number typed as text: a finite Decimal kept exactly as typed (the rules judge its places and sign),
    None when blank; anything else is this field's error."""

    def process_formdata(self, valuelist):
        self.data = None
        raw = (valuelist[0] if valuelist else "").strip().replace(",", "")
        if not raw:
            return
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValueError(str(NOT_A_NUMBER)) from None
        if not value.is_finite():
            raise ValueError(str(NOT_A_NUMBER))
        self.data = value

    def _value(self):
        return self.raw_data[0] if self.raw_data else ("" if self.data is None else str(self.data))


class StepForm(Form):
    """One ladder row; a row left empty is ignored."""

    occurrence = IntegerField(_l("Occurrence"), validators=[Optional(), NumberRange(min=2, max=99)])
    multiplier = DecimalText(_l("Multiplier"))
    measure = SelectField(_l("Measure"), default=Measure.NONE.value)

    def step(self) -> penalty.Step | None:
        if self.occurrence.data is None and self.multiplier.data is None and self.measure.data in ("", "none"):
            return None
        return penalty.Step(self.occurrence.data or 0, self.multiplier.data or Decimal("1"),
                            self.measure.data or "none")


class TierForm(Form):
    """One lateness tier; a row left empty is ignored."""

    from_minutes = IntegerField(_l("From (minutes)"), validators=[Optional(), NumberRange(min=1, max=100000)])
    to_minutes = IntegerField(_l("To (minutes)"), validators=[Optional(), NumberRange(min=1, max=100000)],
                              description=_l("Empty: open-ended."))
    amount = DecimalText(_l("Fine"))
    points = DecimalText(_l("Points"))

    def tier(self) -> penalty.Tier | None:
        values = (self.from_minutes.data, self.to_minutes.data, self.amount.data, self.points.data)
        if all(v is None for v in values):
            return None
        return penalty.Tier(self.from_minutes.data or 0, self.to_minutes.data, self.amount.data or Decimal("0"),
                            self.points.data or Decimal("0"))


class RuleForm(VersionedForm):
    """A rule version's texts and terms (create and edit alike)."""

    title_zh = TextAreaField(_l("Rule text (Chinese)"), validators=[DataRequired(), Length(max=500)])
    title_en = TextAreaField(_l("Rule text (English)"), validators=[Optional(), Length(max=500)])
    kind = SelectField(_l("Kind"), validators=[InputRequired()])
    penalty_form = SelectField(_l("Penalty form"), default=PenaltyForm.FINE.value,
                       description=_l("Many companies express penalties as performance points only."))
    min_amount = DecimalText(_l("Minimum (yuan)"))
    max_amount = DecimalText(_l("Maximum (yuan)"))
    factor = DecimalText(_l("Factor"), description=_l("For a multiple of the day's wage or of the amount "
                                                      "involved, e.g. 3."))
    points = DecimalText(_l("Performance points"), description=_l("Deducted for a penalty, awarded for a reward."))
    serious_measure = SelectField(_l("Serious case"), default=Measure.NONE.value)
    lookback_days = IntegerField(_l("Look-back window (days)"), validators=[Optional()],
                                 description=_l("Repeats within this many days climb the ladder below."))
    ladder = FieldList(FormField(StepForm), min_entries=LADDER_ROWS, max_entries=12)
    tiers = FieldList(FormField(TierForm), min_entries=TIER_ROWS, max_entries=20)
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=1000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = kind_choices()
        self.penalty_form.choices = choices(PenaltyForm)
        self.serious_measure.choices = choices(Measure)
        for row in self.ladder:
            row.form.measure.choices = choices(Measure)
        self.table_errors: dict[str, list[str]] = {}

    def draft(self, category: str) -> VersionDraft:
        """The version as entered (rows left empty dropped); fields that failed to parse are None."""
        reward = category == RuleCategory.REWARD.value
        terms = penalty.RuleTerms(
            kind=self.kind.data or "", form=PenaltyForm.FINE.value if reward else self.penalty_form.data or "fine",
            min_amount=self.min_amount.data, max_amount=self.max_amount.data, factor=self.factor.data,
            points=self.points.data, serious_measure=self.serious_measure.data or "none",
            lookback_days=self.lookback_days.data,
            ladder=tuple(sorted((s for row in self.ladder if (s := row.form.step())), key=lambda s: s.occurrence)),
            tiers=tuple(sorted((t for row in self.tiers if (t := row.form.tier())), key=lambda t: t.from_minutes)))
        return VersionDraft(title_zh=(self.title_zh.data or "").strip(), terms=terms,
                            title_en=(self.title_en.data or "").strip(), note=(self.note.data or "").strip())


class RuleCreateForm(CreateForm, RuleForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20), Regexp(
        r"^[A-Za-z0-9][A-Za-z0-9._-]*$", message=_l("Letters, digits, dots and dashes, e.g. 2-4 or R-3."))],
        description=_l("A stable reference such as 2-4; it cannot be changed later."))
    category = SelectField(_l("Category"), default=RuleCategory.PENALTY.value)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = choices(RuleCategory)


class RuleEditForm(RuleForm):
    reason = StringField(_l("Reason for the change"), validators=[DataRequired(), Length(max=255)],
                         description=_l("Kept with the new version; records made earlier keep the old one."))


class SettingsForm(VersionedForm):
    respond_days = IntegerField(_l("Days to acknowledge or appeal"), validators=[InputRequired(), NumberRange(1, 30)],
                                description=_l("Silence after this many days counts as acknowledged."))
    second_approval_above_amount = MoneyField(
        _l("Second approver above (yuan)"), validators=[Optional()],
        description=_l("A fine above this amount needs a second approver; empty: never."))
    max_deduction_share = DecimalText(
        _l("Largest share of the month's wage deducted"), validators=[InputRequired()],
        description=_l("The legal guard rail: a share between 0.01 and 1.00, e.g. 0.20."))
    fines_enabled = BooleanField(_l("Fines enabled"),
                                 description=_l("Off: penalties are performance points only."))


def version_data(version, rows: bool = True) -> dict:
    """A rule form's initial data from a stored version (the edit page starts from the current one)."""
    return {
        "title_zh": version.title_zh, "title_en": version.title_en, "kind": version.kind.value,
        "penalty_form": version.form.value, "min_amount": version.min_amount, "max_amount": version.max_amount,
        "factor": version.factor, "points": version.points, "serious_measure": version.serious_measure.value,
        "lookback_days": version.lookback_days, "note": version.note,
        "ladder": [penalty.Step.of(s).__dict__ for s in version.ladder or ()] if rows else [],
        "tiers": [penalty.Tier.of(t).__dict__ for t in version.tiers or ()] if rows else [],
    }
