"""Signed PDF reports: one report engine, organisation PKI, registry of issued documents, verification."""
from .routes import bp

__all__ = ["bp"]
