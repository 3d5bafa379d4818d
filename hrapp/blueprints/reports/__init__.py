"""Signed PDF reports: one report engine, organisation PKI, registry of issued documents, verification."""
from hrapp.core.module import Module

from .jobs import STAFF_CARDS_JOB, run_staff_cards
from .routes import bp

MODULE = Module(name="reports", blueprints=(bp,), jobs={STAFF_CARDS_JOB: run_staff_cards})
