"""Home — hr home: placeholder (the part's helper replaces it)."""
from hrapp.core.module import Module

from .routes import bp

PART = Module(name="home.hr_home", blueprints=(bp,))
