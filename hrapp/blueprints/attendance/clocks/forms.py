"""The time clock form: serial, name, the zone of its clock, an optional department. Fields parse only; the
service judges the serial's uniqueness, the zone and the department."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from hrapp.forms import CreateForm, VersionedForm, optional_int

SERIAL_PATTERN = r"^[A-Za-z0-9_.\-]+$"


class DeviceForm(VersionedForm):
    """A time clock (create and edit alike)."""

    serial = StringField(_l("Serial number"), validators=[
        DataRequired(), Length(max=64),
        Regexp(SERIAL_PATTERN, message=_l("Letters, digits, dots, dashes and underscores only."))],
        description=_l("As the terminal reports it (SN), e.g. on its label or in its system information."))
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)],
                       description=_l("Where it hangs, e.g. Front office staff entrance."))
    timezone = StringField(_l("Time zone of its clock"), default="Asia/Shanghai",
                           validators=[DataRequired(), Length(max=64)],
                           description=_l("An IANA zone name such as Asia/Shanghai or Asia/Bangkok."))
    department_id = SelectField(_l("Department"), coerce=optional_int, validate_choice=False)

    def set_choices(self, departments) -> None:
        self.department_id.choices = [("", _l("— none —"))] + [(d.id, f"{d.code} {d.name}") for d in departments]


class DeviceCreateForm(CreateForm, DeviceForm):
    """Registering a new time clock (a one-time submission token)."""
