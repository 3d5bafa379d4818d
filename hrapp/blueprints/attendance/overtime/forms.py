"""The overtime approval's forms: approve a day (its version and an optional note), withdraw an approval."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from hrapp.forms import VersionedForm


class ApproveOvertimeForm(VersionedForm):
    note = StringField(_l("Note"), validators=[Optional(), Length(max=255)])


class WithdrawOvertimeForm(VersionedForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=255)])
