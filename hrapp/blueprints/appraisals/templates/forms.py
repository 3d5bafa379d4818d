"""Template forms: a template's settings and grade bands (create and edit alike), a copy's code and name, a
criterion (add and edit alike; it carries the template's version). Fields parse only; the services judge. The
views set the department and position choices."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DecimalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from hrapp.blueprints.appraisals.rules import GRADES
from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import choices
from hrapp.models import CriterionKind, Metric

from .criteria import CriterionDraft
from .services import TemplateDraft

CODE = [DataRequired(), Length(max=20), Regexp(r"^[A-Za-z0-9][A-Za-z0-9_-]*$",
                                                message=_l("Letters, digits, dashes and underscores, e.g. T-STD."))]
GRADE_FIELDS = {"excellent": "band_excellent", "good": "band_good", "pass": "band_pass",
                "needs_improvement": "band_needs_improvement", "fail": "band_fail"}


def _band(text) -> DecimalField:
    return DecimalField(text, places=2, validators=[InputRequired()])


class TemplateForm(VersionedForm):
    """A template's settings and the lowest total of each grade."""

    code = StringField(_l("Code"), validators=CODE)
    name_zh = StringField(_l("Name (Chinese)"), validators=[DataRequired(), Length(max=120)])
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=120)])
    department_id = SelectField(_l("Department"), coerce=optional_int, validate_choice=False,
                                description=_l("Empty: company-wide (or the position's)."))
    position_id = SelectField(_l("Position"), coerce=optional_int, validate_choice=False,
                              description=_l("Give a department or a position, not both."))
    team = BooleanField(_l("Team appraisal"),
                        description=_l("Used for a department's team appraisal, not for individual people."))
    self_assessment = BooleanField(_l("Self-assessment"), default=True)
    peer_feedback = BooleanField(_l("Anonymous peer feedback"))
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
    band_excellent = _band(_l("Excellent from"))
    band_good = _band(_l("Good from"))
    band_pass = _band(_l("Satisfactory from"))
    band_needs_improvement = _band(_l("Needs improvement from"))
    band_fail = _band(_l("Unsatisfactory from"))

    def draft(self) -> TemplateDraft:
        """The settings as entered."""
        return TemplateDraft(
            code=self.code.data or "", name_zh=self.name_zh.data or "", name_en=self.name_en.data or "",
            department_id=self.department_id.data, position_id=self.position_id.data, team=bool(self.team.data),
            self_assessment=bool(self.self_assessment.data), peer_feedback=bool(self.peer_feedback.data),
            note=self.note.data or "", grade_lows={g: self[GRADE_FIELDS[g]].data for g in GRADES})


class TemplateCreateForm(CreateForm, TemplateForm):
    pass


class TemplateCopyForm(CreateForm):
    """The new template's code and name (e.g. for the next quarter)."""

    code = StringField(_l("New code"), validators=CODE)
    name_zh = StringField(_l("New name (Chinese)"), validators=[DataRequired(), Length(max=120)])


class CriterionForm(VersionedForm):
    """A criterion; `version_id` is its template's."""

    title_zh = StringField(_l("Title (Chinese)"), validators=[DataRequired(), Length(max=120)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=120)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])
    kind = SelectField(_l("Kind"), validate_choice=False)
    weight = DecimalField(_l("Weight"), validators=[InputRequired()],
                          description=_l("At most 2 decimal places; all the weights make exactly 100."))
    levels = TextAreaField(_l("Levels"), validators=[Optional(), Length(max=2000)],
                           description=_l("Ratings: 2 to 10 descriptors, one per line, lowest first."))
    metric = SelectField(_l("System metric"), validate_choice=False)
    kpi_code = StringField(_l("Imported KPI code"), validators=[Optional(), Length(max=40)],
                           description=_l("e.g. csat, order_completion, calls_per_day, sales"))
    target = DecimalField(_l("Target"), validators=[Optional()])
    unit = StringField(_l("Unit"), validators=[Optional(), Length(max=20)])
    higher_is_better = BooleanField(_l("Higher is better"), default=True)
    bands = TextAreaField(_l("Scoring bands"), validators=[Optional(), Length(max=2000)],
                          description=_l("One band per line: threshold and score, e.g. \"95 80\". Empty for a "
                                         "metric: its usual bands."))
    self_scored = BooleanField(_l("Part of the self-assessment"), default=True,
                               description=_l("Ratings and KPIs only."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices(CriterionKind)
        self.metric.choices = [("", "—"), *choices(Metric)]

    def draft(self) -> CriterionDraft:
        """The criterion as entered."""
        return CriterionDraft(
            title_zh=self.title_zh.data or "", title_en=self.title_en.data or "",
            description=self.description.data or "", kind=self.kind.data or "", weight=self.weight.data,
            levels=self.levels.data or "", bands=self.bands.data or "", target=self.target.data,
            unit=self.unit.data or "", higher_is_better=bool(self.higher_is_better.data),
            metric=self.metric.data or "", kpi_code=self.kpi_code.data or "", self_scored=bool(self.self_scored.data))


class CriterionCreateForm(CreateForm, CriterionForm):
    pass
