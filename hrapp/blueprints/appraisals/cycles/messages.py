"""What people read when the cycles part refuses something."""
from flask_babel import lazy_gettext as _l

from hrapp.core.validation import ValidationFailed

MESSAGES = {
    "name_taken": _l("A cycle of this name already exists."),
    "bad_period": _l("Give a period such as 2026-Q3 (quarter), 2026-07 (month) or 2026 (year)."),
    "deadlines_order": _l("The deadlines go in order: self-assessment, then head scoring, then calibration."),
    "deadline_before_period": _l("A deadline cannot fall before the period starts."),
    "deadline_past": _l("A deadline cannot be in the past."),
    "extend_later": _l("The new deadline must be later than the current one (%(day)s)."),
    "extend_order": _l("The new deadline would pass the next stage's deadline (%(day)s): extend that one first."),
    "stage_passed": _l("This stage is already over."),
    "no_template": _l("No usable template: activate a template whose weights add up to exactly 100."),
    "unscored_left": _l("%(count)s appraisals are still waiting for the head's scoring: publish the scored ones "
                        "anyway, or wait."),
    "appealed_left": _l("%(count)s appeals are not decided yet."),
    "respond_window": _l("%(count)s people can still acknowledge or appeal (until %(day)s)."),
    "unknown_person": _l("No such staff number."),
    "person_left": _l("This person has left the company."),
    "already_in_cycle": _l("This person already has an appraisal in this cycle."),
    "no_template_for": _l("No usable template applies to this person."),
    "hired_after": _l("This person was hired after the period ended."),
}


class CycleError(ValidationFailed):
    """A refusal of the cycles part: field -> [message]."""

    @classmethod
    def of(cls, field: str, code: str, **params) -> "CycleError":
        text = MESSAGES[code]
        return cls.single(field, str(text) % params if params else text)
