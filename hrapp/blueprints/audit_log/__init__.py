"""audit_log blueprint."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="audit_log", blueprints=(bp,))
