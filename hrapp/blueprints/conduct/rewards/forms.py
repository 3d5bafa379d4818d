"""Forms of the rewards part: field parsing only; the services check the rules and their messages land on the
fields (hrapp.core.validation.errors_onto_form). The views set the choices."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from hrapp.blueprints.conduct.rewards import rules
from hrapp.blueprints.conduct.rewards.measures import MeasureDraft
from hrapp.blueprints.conduct.rewards.services import RewardDraft
from hrapp.core.money_fields import MoneyField
from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import label
from hrapp.models import Measure, RuleKind


class RewardForm(CreateForm):
    """A reward proposal; "Save as draft" keeps it for later, "Propose" sends it to HR and the general manager."""

    staff_number = StringField(_l("Staff number"), validators=[DataRequired(), Length(max=20)])
    rule_code = SelectField(_l("Reward rule"), validators=[DataRequired()])
    kind = SelectField(_l("Kind"), validators=[DataRequired()])
    awarded_on = DateField(_l("Date"), validators=[InputRequired()])
    amount = MoneyField(_l("Bonus (CNY)"), validators=[Optional()],
                        description=_l("Only for a bonus, within the rule's range."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=rules.MAX_REASON)])
    propose = SubmitField(_l("Propose"))
    save_draft = SubmitField(_l("Save as draft"))

    def set_choices(self, rule_rows) -> None:
        self.rule_code.choices = [(r.code, f"{r.code} {v.title_zh}") for r, v in rule_rows]
        self.kind.choices = [(k, label(RuleKind(k))) for k in rules.REWARD_KINDS]

    def draft(self) -> RewardDraft:
        return RewardDraft(staff_number=(self.staff_number.data or "").strip(), rule_code=self.rule_code.data or "",
                           kind=self.kind.data or "", awarded_on=self.awarded_on.data, amount=self.amount.data,
                           reason=self.reason.data or "")


class RewardStepForm(VersionedForm):
    """One step on a reward; `version_id` is the reward's version when the page was loaded."""

    note = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])


class MeasureForm(CreateForm):
    """A measure HR records on a person's history."""

    staff_number = StringField(_l("Staff number"), validators=[DataRequired(), Length(max=20)])
    kind = SelectField(_l("Measure"), validators=[DataRequired()])
    starts_on = DateField(_l("From"), validators=[InputRequired()])
    ends_on = DateField(_l("To (suspension only)"), validators=[Optional()])
    to_department_id = SelectField(_l("Transfer to department"), coerce=optional_int, validators=[Optional()],
                                   validate_choice=False)
    to_position_id = SelectField(_l("New position"), coerce=optional_int, validators=[Optional()],
                                 validate_choice=False)
    violation_number = StringField(_l("Violation number (optional)"), validators=[Optional(), Length(max=20)])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])

    def set_choices(self, departments, positions) -> None:
        self.kind.choices = [(k, label(Measure(k))) for k in rules.MEASURE_KINDS]
        self.to_department_id.choices = [("", "—")] + [(d.id, f"{d.code} {d.name}") for d in departments]
        self.to_position_id.choices = [("", "—")] + [(p.id, f"{p.department.code} {p.name}") for p in positions]

    def draft(self) -> MeasureDraft:
        return MeasureDraft(staff_number=self.staff_number.data or "", kind=self.kind.data or "",
                            starts_on=self.starts_on.data, ends_on=self.ends_on.data,
                            to_department_id=self.to_department_id.data, to_position_id=self.to_position_id.data,
                            violation_number=self.violation_number.data or "", note=self.note.data or "")


class RevokeForm(VersionedForm):
    """Revoke a measure, with a reason."""

    note = StringField(_l("Reason"), validators=[DataRequired(), Length(max=255)])
