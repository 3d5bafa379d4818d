"""Forms of the outcomes part: field parsing only; the services check the rules and their messages land on the
fields (hrapp.core.validation.errors_onto_form). The views set the choices."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from hrapp.blueprints.conduct.rewards.rules import MAX_REASON
from hrapp.core.money_fields import MoneyField
from hrapp.forms import VersionedForm, optional_int
from hrapp.labels import label
from hrapp.models import ImprovementStatus

from .services import RewardChoice


class RewardConfirmForm(VersionedForm):
    """Confirm a reward proposal: the reward rule (the catalogue's), a bonus amount when the rule gives one."""

    rule_code = SelectField(_l("Reward rule"), validators=[DataRequired()])
    amount = MoneyField(_l("Bonus (CNY)"), validators=[Optional()],
                        description=_l("Only for a bonus, within the rule's range."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=MAX_REASON)])

    def set_choices(self, rule_rows) -> None:
        self.rule_code.choices = [(r.code, f"{r.code} {v.title_zh} · {label(v.kind)}") for r, v in rule_rows]

    def choice(self, kinds: dict) -> RewardChoice:
        """What HR chose; `kinds` maps a rule code to its kind (commendation, bonus, promotion)."""
        code = self.rule_code.data or ""
        return RewardChoice(rule_code=code, kind=kinds.get(code, ""), amount=self.amount.data,
                            reason=self.reason.data or "")


class TrainingConfirmForm(VersionedForm):
    """Confirm a training need: its topic (the weakest criteria by default) and, optionally, a course."""

    topic = StringField(_l("Topic"), validators=[Optional(), Length(max=160)])
    course_id = SelectField(_l("Course"), coerce=optional_int, validators=[Optional()])


class ImprovementConfirmForm(VersionedForm):
    """Confirm an improvement plan: its goals and review date (checked by the service)."""

    goals = TextAreaField(_l("Goals"), validators=[Optional(), Length(max=4000)])
    review_on = DateField(_l("Review date"), validators=[Optional()])


class DismissOutcomeForm(VersionedForm):
    """Dismiss a suggestion, with a note (checked by the service)."""

    note = StringField(_l("Note"), validators=[Optional(), Length(max=255)])


class PlanReviewForm(VersionedForm):
    """The plan's review: goals met or not, with a note (checked by the service)."""

    result = RadioField(_l("Result"), choices=[], validators=[Optional()], validate_choice=False)
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])

    def set_choices(self) -> None:
        self.result.choices = [(s.value, label(s)) for s in (ImprovementStatus.MET, ImprovementStatus.NOT_MET)]
