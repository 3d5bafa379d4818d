"""Appraisals — cycles: periods, stages and deadlines, opening a cycle (everyone's appraisal from their template, team appraisals), moving stages, extending deadlines, publishing, closing; reminders and overdue lists by tick; the cycles API."""
from hrapp.core.module import Module

PART = Module(name="appraisals.cycles")
