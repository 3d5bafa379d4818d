"""Staff import and export: spreadsheets in (preview, all-or-nothing with per-row errors) and out."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry
from hrapp.permissions import Perm, has_perm

from .audit_labels import AUDIT
from .routes import bp

MODULE = Module(
    name="staff_import_export",
    audit=AUDIT,
    blueprints=(bp,),
    nav=(NavEntry("staff_import_export.import_staff", _l("Import"), lambda user: has_perm(user, Perm.STAFF_IMPORT), order=40,
                    menu=_l("Administration")),),
)
