"""Appraisals — outcomes and history: reward proposals, training needs and improvement plans suggested by the company's rules and confirmed by HR; each person's results across cycles with a trend chart; the department report."""
from hrapp.core.module import Module

PART = Module(name="appraisals.outcomes")
