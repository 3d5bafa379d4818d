"""The security log: logins, lockouts, sessions, passwords, roles and refused accesses, for administrators."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry

from .access import GRANTS, can_view_security_log
from .routes import bp

MODULE = Module(
    name="security_log",
    label=_l("Security log"),
    blueprints=(bp,),
    grants=GRANTS,
    template_globals={"can_view_security_log": can_view_security_log},
    nav=(NavEntry("security_log.list_events", _l("Security log"), can_view_security_log, order=61,
                  element_id="nav-security-log"),),
)
