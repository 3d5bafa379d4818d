"""Attachment forms: upload (embedded in the owner record's page) and the delete confirmation."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, StringField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from hrapp.forms import CreateForm


class AttachmentForm(CreateForm):
    # No extension or browser-type check here on purpose: the content decides (hrapp.core.attachment_rules).
    file = FileField(_l("File (JPEG, PNG or PDF)"), validators=[FileRequired(_l("Choose a file to attach."))])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=200)])


class AttachmentDeleteForm(FlaskForm):
    version_id = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
