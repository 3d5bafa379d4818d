"""Home — the staff home (我的一天): the person's shifts, punch, month, balances, what waits, fines and rewards."""
from hrapp.core.module import Module

from .routes import bp

PART = Module(name="home.staff_home", blueprints=(bp,), benches=("bench.home_staff",))
