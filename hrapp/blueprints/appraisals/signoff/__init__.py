"""Appraisals — sign-off: acknowledging or appealing a published result, deciding appeals, silence as acknowledgement; the signed appraisal form (季度考核表); the person's appraisals API."""
from hrapp.core.module import Module

PART = Module(name="appraisals.signoff")
