"""Log in, log out, passwords and language."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="auth", blueprints=(bp,))
