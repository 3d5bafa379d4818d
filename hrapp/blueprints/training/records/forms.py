"""Forms of the training records part: HR's waiver of an induction assignment."""
from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import Length

from hrapp.forms import VersionedForm


class InductionWaiveForm(VersionedForm):
    """Waive an open assignment: the reason is required (the service says so) and kept on the assignment."""

    reason = TextAreaField(_l("Why it is waived"), validators=[Length(max=255)],
                           description=_l("E.g. the person holds a valid outside certificate for this course."))
