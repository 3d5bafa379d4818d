"""staff blueprint."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="staff", blueprints=(bp,))
