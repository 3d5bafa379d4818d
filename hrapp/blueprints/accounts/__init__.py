"""User accounts: HR and administrators create, edit and disable them, and issue password-reset links."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry
from hrapp.models import User
from hrapp.permissions import Perm, has_perm

from . import reset  # noqa: F401  (its view joins the accounts blueprint)
from .audit_labels import AUDIT
from .routes import bp

MODULE = Module(
    name="accounts",
    audit=AUDIT,
    blueprints=(bp,),
    visibility={User: lambda user, account: has_perm(user, Perm.USER_MANAGE)},
    nav=(NavEntry("accounts.list_users", _l("Accounts"), lambda user: has_perm(user, Perm.USER_MANAGE), order=50,
                  menu=_l("Administration")),),
)
