"""Signed PDF reports: one report engine, organisation PKI, registry of issued documents, verification."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="reports", blueprints=(bp,))
