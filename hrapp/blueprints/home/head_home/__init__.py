"""Home — the head's home (`/home/head/`): their departments' day at a glance (issue #15, point 2)."""
from hrapp.core.module import Module

from .routes import bp

PART = Module(name="home.head_home", blueprints=(bp,), benches=("bench.home_head",))
