"""The organisation: departments (a tree), positions with versioned job descriptions, company settings."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.org.access import TEMPLATE_GLOBALS
from hrapp.blueprints.org.documents import JOB_DESCRIPTION
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import Perm, has_perm

from .audit_labels import AUDIT
from .routes import bp

MODULE = Module(
    name="org",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=("hrapp.blueprints.api.departments:bp",),
    report_types=(JOB_DESCRIPTION,),
    template_globals=TEMPLATE_GLOBALS,
    nav=(
        NavEntry("org.org_chart", _l("Organisation"), lambda user: has_perm(user, Perm.ORG_VIEW), order=20,
                 menu=_l("Company")),
        NavEntry("org.list_positions", _l("Positions"), lambda user: has_perm(user, Perm.ORG_VIEW), order=30,
                 menu=_l("Company")),
        NavEntry("org.edit_settings", _l("Settings"), lambda user: has_perm(user, Perm.SETTINGS_EDIT), order=70,
                 menu=_l("Company")),
    ),
)
