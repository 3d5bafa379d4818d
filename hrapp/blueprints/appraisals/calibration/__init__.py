"""Appraisals — calibration: each department's distribution against the guide, outliers, scorers' leniency, adjusting a result with a reason, returning it to the head; the results list and API."""
from hrapp.core.module import Module

PART = Module(name="appraisals.calibration")
