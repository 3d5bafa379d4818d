"""roster blueprint: shift types, rosters, rule checks, generation, swaps, rest owed, ICS feed."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="roster", label=_l("Rosters"), blueprints=(bp,), closable=True)
