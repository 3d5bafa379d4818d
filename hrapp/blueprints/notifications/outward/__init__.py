"""Notifications outward: placeholder (the part's helper replaces it)."""
from hrapp.core.module import Module

from . import labels  # noqa: F401  (registers the enum labels)
from .routes import bp

PART = Module(name="notifications.outward", blueprints=(bp,))
