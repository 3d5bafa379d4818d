"""Log in, log out, passwords and language; the API's "who am I"."""
from hrapp.core.module import Module

from .routes import bp

MODULE = Module(name="auth", blueprints=(bp,), api_blueprints=("hrapp.blueprints.api.me:bp",))
