"""period_close blueprint: HR closes and reopens the periods of closable modules (月结); the guard they call."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry
from hrapp.permissions import Perm, has_perm

from .audit_labels import AUDIT
from .routes import bp

MODULE = Module(
    name="period_close", label=_l("Period close"), blueprints=(bp,), audit=AUDIT,
    nav=(NavEntry("period_close.list_periods", _l("Period close"), lambda user: has_perm(user, Perm.PERIOD_CLOSE),
                  order=95, element_id="nav-period-close", menu=_l("Administration")),),
)
