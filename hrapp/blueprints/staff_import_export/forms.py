"""Import forms: the upload, and the confirmation of a previewed import."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import DataRequired, Regexp

from hrapp.blueprints.staff_import_export.reader import EXTENSIONS
from hrapp.blueprints.staff_import_export.staging import TOKEN_RE
from hrapp.forms import CreateForm


class ImportUploadForm(FlaskForm):
    file = FileField(_l("Spreadsheet file"), validators=[
        FileRequired(_l("Choose a file to import.")),
        FileAllowed(EXTENSIONS, _l("Upload a .xlsx or .csv file.")),
    ], description=_l("XLSX or CSV (UTF-8 or GB18030), at most 5 MB and 10,000 rows."))


class ImportConfirmForm(CreateForm):
    token = HiddenField(validators=[DataRequired(), Regexp(TOKEN_RE)])
