"""Capture forms: the punch button, an import's upload / columns / confirmation, a device user id."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from hrapp.blueprints.staff_import_export.staging import TOKEN_RE
from hrapp.forms import CreateForm, VersionedForm, optional_int

IMPORT_EXTENSIONS = ("csv", "xlsx", "txt", "dat", "log")


class PunchForm(CreateForm):
    """The punch button: only the one-time token, so a double tap stores one punch."""


class ImportUploadForm(FlaskForm):
    file = FileField(_l("Device export file"), validators=[
        FileRequired(_l("Choose a file to import.")),
        FileAllowed(IMPORT_EXTENSIONS, _l("Upload a .csv, .xlsx or a device's attendance log (.txt, .dat).")),
    ], description=_l("A CSV or XLSX export, or the tab-separated attendance log a time clock writes."))
    timezone = StringField(_l("Time zone of the file"), validators=[Length(max=64)],
                           description=_l("The time zone the file's times are written in; empty: the company's."))
    device_id = SelectField(_l("Time clock"), coerce=optional_int, validate_choice=False)


class ImportColumnsForm(FlaskForm):
    """Which column holds what (CSV/XLSX); the choices are the file's headers."""

    token = HiddenField(validators=[DataRequired(), Regexp(TOKEN_RE)])
    clock_column = SelectField(_l("User id column"), coerce=int, validators=[InputRequired()])
    time_column = SelectField(_l("Time column"), coerce=int, validators=[InputRequired()])
    state_column = SelectField(_l("State column"), coerce=optional_int, validate_choice=False)


class ImportConfirmForm(CreateForm):
    token = HiddenField(validators=[DataRequired(), Regexp(TOKEN_RE)])
    keep_unmapped = BooleanField(_l("Store the punches of unknown ids unmapped (map them later under Device ids)"))


def _staff_number_field():
    """The person, typed as their staff number (a list of thousands of names would be no picker at all)."""
    return StringField(_l("Staff number"), validators=[DataRequired(_l("Give the person's staff number.")),
                                                       Length(max=20)],
                       filters=[lambda value: value.strip() if isinstance(value, str) else value])


class MapClockIdForm(CreateForm):
    """Map an unmapped clock id to a person, given by staff number."""

    clock_id = HiddenField(validators=[DataRequired(), Length(max=32)])
    staff_number = _staff_number_field()


class DeviceUserIdForm(FlaskForm):
    staff_number = _staff_number_field()
    clock_id = StringField(_l("Clock id"), validators=[DataRequired(), Length(max=32)],
                           description=_l("The user id this person has on the time clocks."))


class DeviceUserIdCreateForm(CreateForm, DeviceUserIdForm):
    pass


class DeviceUserIdEditForm(VersionedForm):
    clock_id = StringField(_l("Clock id"), validators=[DataRequired(), Length(max=32)])


class DeviceUserIdRemoveForm(VersionedForm):
    pass
