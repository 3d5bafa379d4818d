"""Appraisals — scoring: the appraisal page, self-assessment, the head's (or general manager's) scoring with comments on the extreme levels, team appraisals, anonymous peer feedback; deadlines."""
from hrapp.core.module import Module

PART = Module(name="appraisals.scoring")
