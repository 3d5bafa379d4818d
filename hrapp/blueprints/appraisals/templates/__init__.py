"""Appraisals — templates: weighted criteria per position, department or the company (ratings with level descriptors, KPIs with targets and bands, system metrics, imported KPIs), grade bands."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.appraisals.access import leads_appraisals
from hrapp.blueprints.appraisals.labels import MENU
from hrapp.core.module import Module, NavEntry

from . import demo
from .audit_labels import AUDIT
from .routes import bp

PART = Module(
    name="appraisals.templates",
    audit=AUDIT,
    blueprints=(bp,),
    nav=(NavEntry("appraisal_templates.list_templates", _l("Appraisal templates"), leads_appraisals,
                  order=360, element_id="nav-appraisal-templates", menu=MENU),),
    seed_demo=demo.seed_demo,
)
