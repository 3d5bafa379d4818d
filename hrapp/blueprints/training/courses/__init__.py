"""Training — courses: the catalogue HR keeps (category, hours, trainer, materials, assessment, certificate validity, the conduct rules a course should improve), each position's required training, the courses API, the demo catalogue."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.blueprints.training.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from . import api, demo
from .attachments import MATERIALS
from .audit_labels import AUDIT
from .routes import bp

PART = Module(
    name="training.courses",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    attachment_owners=(MATERIALS,),
    nav=(NavEntry("training_courses.list_courses", _l("Courses"), lambda user: has_perm(user, TrainingPerm.VIEW),
                  order=201, element_id="nav-training-courses", menu=MENU),),
    seed_demo=demo.seed_demo,
)
