"""User accounts: HR and administrators create, edit and disable them."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry
from hrapp.models import User
from hrapp.permissions import Perm, has_perm

from .routes import bp

MODULE = Module(
    name="accounts",
    blueprints=(bp,),
    visibility={User: lambda user, account: has_perm(user, Perm.USER_MANAGE)},
    nav=(NavEntry("accounts.list_users", _l("Accounts"), lambda user: has_perm(user, Perm.USER_MANAGE), order=50),),
)
