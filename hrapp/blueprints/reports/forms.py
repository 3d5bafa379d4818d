"""Report forms: confirmations for issuing and signing, bulk issuing, verification."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional

from hrapp.forms import ConfirmForm, CreateForm  # noqa: F401  (ConfirmForm re-exported: the views import it from here)


class BulkForm(CreateForm):
    kind = SelectField(_l("Document"), validators=[InputRequired()])
    department_id = SelectField(_l("Department"), coerce=int, validators=[InputRequired()])
    include_subdepartments = BooleanField(_l("Include sub-departments"), default=True)


class IssueForm(CreateForm):
    """Issue (and sign) a new version of a document: the confirmation button, once."""


class VerifyForm(FlaskForm):
    file = FileField(_l("Signed PDF file"), validators=[Optional()])
    code = StringField(_l("Or the verification code printed in the footer"),
                       validators=[Optional(), Length(max=40)])
