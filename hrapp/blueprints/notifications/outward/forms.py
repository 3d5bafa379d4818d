"""Outward notification forms: a group robot (create and edit) and the per-kind routes (check boxes read
from the posted form by the view). Fields parse only; the services judge."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import Length, Optional

from hrapp.forms import CreateForm, VersionedForm, optional_int
from hrapp.labels import choices
from hrapp.models import RobotPlatform
from hrapp.naming import coded_name

from .services import RobotDraft


class RobotForm(VersionedForm):
    """A department's group robot. On an edit, empty address and secret keep the current ones."""

    department_id = SelectField(_l("Department"), coerce=optional_int, validate_choice=False,
                                description=_l("Its staff's notifications go to this robot, and those of "
                                               "sub-departments that have no robot of their own."))
    platform = SelectField(_l("Platform"), validate_choice=False)
    name = StringField(_l("Name"), validators=[Length(max=60)], description=_l("e.g. the group's name."))
    webhook_url = StringField(_l("Webhook address"), validators=[Optional(), Length(max=500)],
                              description=_l("The address the platform gives when the robot is added to the "
                                             "group."))
    secret = PasswordField(_l("Signing secret"), validators=[Optional(), Length(max=200)],
                           description=_l("DingTalk and Feishu: the secret of the robot's signature check, "
                                          "if it has one."))
    clear_secret = BooleanField(_l("Remove the signing secret"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.platform.choices = choices(RobotPlatform)

    def set_departments(self, departments) -> None:
        self.department_id.choices = [(d.id, coded_name(d)) for d in departments]

    def draft(self) -> RobotDraft:
        return RobotDraft(department_id=self.department_id.data, platform=self.platform.data or "",
                          name=self.name.data or "", webhook_url=(self.webhook_url.data or "").strip(),
                          secret=(self.secret.data or "").strip(), clear_secret=bool(self.clear_secret.data))


class RobotCreateForm(CreateForm, RobotForm):
    pass
