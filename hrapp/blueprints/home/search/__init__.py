"""Home — search: one box that finds a person by name, pinyin, staff number or phone, within scope, as you type
(match.py: the rule; services.py: the queries; routes.py: the JSON suggestions and the results page)."""
from hrapp.core.module import Module

from .routes import bp

PART = Module(name="home.search", blueprints=(bp,), benches=("bench.search",))
