"""Home — the HR desk: the month close per department, reviews and appeals, certificates, device ids,
probation and contracts ending, the appraisal cycle's progress."""
from hrapp.core.module import Module

from .demo import seed_demo
from .routes import bp

PART = Module(name="home.hr_home", blueprints=(bp,), benches=("bench.home_hr",), seed_demo=seed_demo)
