"""Vendor files and the health probe."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="main", blueprints=(bp,))
