"""Appraisals — metrics: the quarter's system metrics from attendance, conduct and training, and imported KPIs (CSV / XLSX upload, the KPI API), turned into scores by the criteria's bands."""
from hrapp.core.module import Module

PART = Module(name="appraisals.metrics")
