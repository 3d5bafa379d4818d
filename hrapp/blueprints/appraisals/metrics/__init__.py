"""Appraisals — metrics: the quarter's system metrics from attendance, conduct and training, and imported KPIs
(CSV / XLSX upload, the KPI API), turned into scores by the criteria's bands.

Other parts call `services.refresh_metrics(cycle, actor)` (e.g. when a cycle moves to head scoring) and
`queries.metric_breakdown(appraisal)` (the counts behind each metric value, for the appraisal page)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module

from . import api, cli  # noqa: F401  (cli adds its command to the appraisals group)
from .audit_labels import AUDIT
from .routes import bp

PART = Module(
    name="appraisals.metrics",
    label=_l("Appraisal metrics and KPIs"),
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    benches=("bench.appraisal_metrics",),
)
