"""transfer blueprint: staff import and export."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="transfer", blueprints=(bp,))
