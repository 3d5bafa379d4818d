"""Code of conduct — documents: the signed penalty notice (处罚通知单) and commendation (表彰通知) through the report
registry, the panel the violation and reward pages include, and the module's demo data."""
from hrapp.blueprints.conduct.documents import demo
from hrapp.blueprints.conduct.documents.commendation import COMMENDATION
from hrapp.blueprints.conduct.documents.notice import PENALTY_NOTICE
from hrapp.blueprints.conduct.documents.panel import document_panel
from hrapp.core.module import Module

PART = Module(name="conduct.documents", report_types=(PENALTY_NOTICE, COMMENDATION),
              template_globals={"conduct_document_panel": document_panel}, seed_demo=demo.seed_demo)
