"""Home — admin home: placeholder (the part's helper replaces it)."""
from hrapp.core.module import Module

from .routes import bp

PART = Module(name="home.admin_home", blueprints=(bp,))
