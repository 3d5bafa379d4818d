"""Appraisals — templates: weighted criteria per position, department or the company (ratings with level descriptors, KPIs with targets and bands, system metrics, imported KPIs), grade bands."""
from hrapp.core.module import Module

PART = Module(name="appraisals.templates")
