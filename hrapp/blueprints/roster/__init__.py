"""roster blueprint: shift types, rosters, rule checks, generation, swaps, rest owed, ICS feed."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="roster", blueprints=(bp,))
