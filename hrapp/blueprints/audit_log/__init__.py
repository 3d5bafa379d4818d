"""The audit trail: who changed what."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry
from hrapp.permissions import Perm, has_perm

from .routes import bp
from .vocabulary import AUDIT

MODULE = Module(
    name="audit_log",
    blueprints=(bp,),
    audit=AUDIT,
    nav=(NavEntry("audit_log.list_entries", _l("Audit trail"), lambda user: has_perm(user, Perm.AUDIT_VIEW),
                  order=60, menu=_l("Administration")),),
)
