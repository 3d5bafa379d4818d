"""Account management forms."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import choices
from hrapp.models import Role


class UserForm(VersionedForm):
    """Create or edit an account; on edit `version_id` is the account's version when the page was loaded."""

    username = StringField(_l("Username"), validators=[
        DataRequired(), Length(min=2, max=64),
        Regexp(r"^[A-Za-z0-9_.-]+$", message=_l("Letters, digits, '.', '-' and '_' only."))])
    # A new account gets the least privilege unless someone chooses more.
    role = SelectField(_l("Role"), choices=choices(Role), coerce=Role, default=Role.STAFF,
                       validators=[DataRequired()])
    staff_id = SelectField(_l("Staff record"), coerce=optional_int, validators=[Optional()])
    departments = SelectMultipleField(_l("Departments headed"), coerce=int, validators=[Optional()],
                                      description=_l("Only for department heads; sub-departments are included."))
    is_enabled = BooleanField(_l("Enabled"), default=True)
    password = PasswordField(_l("Initial password"), validators=[Optional(), Length(max=200)],
                             description=_l("The person must change it at first login."))


class UserCreateForm(CreateForm, UserForm):
    """A new account: the edit form with a one-time submission token."""
