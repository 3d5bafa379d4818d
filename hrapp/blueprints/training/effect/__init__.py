"""Training — effect: per course and session, reaction (feedback), learning (pass rate, score change across attempts) and behaviour (attendees' violations under the course's linked rules in the 90 days before and after, against colleagues who did not attend), with a chart."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.blueprints.training.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from . import demo
from .routes import bp

PART = Module(
    name="training.effect",
    blueprints=(bp,),
    nav=(NavEntry("training_effect.list_effects", _l("Training effect"),
                  lambda user: has_perm(user, TrainingPerm.LEAD), order=212, element_id="nav-training-effect",
                  menu=MENU),),
    seed_demo=demo.seed_demo,
    benches=("bench.training_effect",),
)
