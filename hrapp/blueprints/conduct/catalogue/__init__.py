"""Code of conduct — catalogue: the versioned rules HR edits (list, rule in words, versions, create, edit,
deactivate, the standard catalogue), the conduct settings, GET /api/v1/conduct/rules and `conduct
seed-catalogue`."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.catalogue import api, cli, demo
from hrapp.blueprints.conduct.catalogue.audit_labels import AUDIT
from hrapp.blueprints.conduct.catalogue.routes import bp
from hrapp.blueprints.conduct.catalogue.wording import amount_line, kind_label, rule_title
from hrapp.blueprints.conduct.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

PART = Module(
    name="conduct.catalogue",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    nav=(
        NavEntry("conduct_catalogue.list_rules", _l("Rules"), lambda user: has_perm(user, ConductPerm.VIEW),
                 order=140, element_id="nav-conduct-rules", menu=MENU),
        NavEntry("conduct_catalogue.edit_settings", _l("Conduct settings"),
                 lambda user: has_perm(user, ConductPerm.CATALOGUE), order=149, element_id="nav-conduct-settings",
                 menu=MENU),
    ),
    template_globals={"conduct_rule_summary": amount_line, "conduct_rule_title": rule_title,
                      "conduct_kind_label": kind_label},
    seed_demo=demo.seed_demo,
)

__all__ = ["PART", "cli"]
