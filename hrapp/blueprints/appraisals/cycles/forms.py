"""Forms of the cycles part: field parsing only; the services check the rules (their messages land on the
fields through hrapp.core.validation.errors_onto_form)."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from hrapp.forms import CreateForm, VersionedForm

from .services import CycleDraft


class CycleFields(VersionedForm):
    """The deadlines, days to respond, the calibration guide and the note (the period is set when created)."""

    self_due_on = DateField(_l("Self-assessment due"), validators=[InputRequired()])
    head_due_on = DateField(_l("Head scoring due"), validators=[InputRequired()])
    calibration_due_on = DateField(_l("Calibration due"), validators=[InputRequired()])
    respond_days = IntegerField(_l("Days to acknowledge or appeal"), default=7,
                                validators=[InputRequired(), NumberRange(min=1, max=90)])
    guide_top = IntegerField(_l("Guide: excellent (share of people)"), default=20,
                             validators=[InputRequired(), NumberRange(min=0, max=100)])
    guide_middle = IntegerField(_l("Guide: good and satisfactory (share of people)"), default=70,
                                validators=[InputRequired(), NumberRange(min=0, max=100)])
    guide_bottom = IntegerField(_l("Guide: needs improvement and unsatisfactory (share of people)"), default=10,
                                validators=[InputRequired(), NumberRange(min=0, max=100)])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])

    def fill_from(self, cycle) -> None:
        for name in ("self_due_on", "head_due_on", "calibration_due_on", "respond_days", "guide_top",
                     "guide_middle", "guide_bottom", "note"):
            getattr(self, name).data = getattr(cycle, name)
        self.version_id.data = cycle.version_id

    def draft(self, period: str = "") -> CycleDraft:
        return CycleDraft(period, self.self_due_on.data, self.head_due_on.data, self.calibration_due_on.data,
                          self.respond_days.data, self.guide_top.data, self.guide_middle.data,
                          self.guide_bottom.data, self.note.data or "")


class CycleCreateForm(CreateForm, CycleFields):
    """A new cycle: its period ("2026-Q3" by default a quarter; "2026-07" a month, "2026" a year)."""

    period = StringField(_l("Period"), validators=[InputRequired(), Length(max=10)],
                         description=_l("A quarter such as 2026-Q3; a month (2026-07) or a year (2026) also work. "
                                        "The cycle is named after it."))


class ExtendForm(VersionedForm):
    """Move one stage's deadline later, with a reason."""

    field = SelectField(_l("Deadline"), choices=[("self_due_on", _l("Self-assessment due")),
                                                 ("head_due_on", _l("Head scoring due")),
                                                 ("calibration_due_on", _l("Calibration due"))],
                        validators=[InputRequired()])
    new_day = DateField(_l("New deadline"), validators=[InputRequired()])
    reason = StringField(_l("Reason"), validators=[InputRequired(), Length(max=255)])


class StageForm(VersionedForm):
    """A stage move as the page showed the cycle (publish: and whether to publish the scored ones anyway)."""

    anyway = BooleanField(_l("Publish the scored ones anyway"))


class AddPersonForm(CreateForm):
    """Add a person hired after opening, by staff number."""

    staff_number = StringField(_l("Staff number"), validators=[InputRequired(), Length(max=20)])
