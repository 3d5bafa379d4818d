"""Training — plans: each department's yearly plan by quarter, built from positions' required training, expected new hires and raised training needs plus free entries; budget hours and cost; HR's approval on the shared workflow; the signed plan PDF; training needs."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.blueprints.training.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.permissions import has_perm

from . import cli, demo  # noqa: F401  (cli adds its command to the training group)
from .audit_labels import AUDIT
from .documents import TRAINING_PLAN
from .routes import bp
from .workflow import PLAN_KIND

PART = Module(
    name="training.plans",
    audit=AUDIT,
    blueprints=(bp,),
    report_types=(TRAINING_PLAN,),
    nav=(
        NavEntry("training_plans.list_plans", _l("Training plans"), lambda user: has_perm(user, TrainingPerm.LEAD),
                 order=208, element_id="nav-training-plans", menu=MENU),
        NavEntry("training_plans.list_needs", _l("Training needs"), lambda user: has_perm(user, TrainingPerm.LEAD),
                 order=209, element_id="nav-training-needs", menu=MENU),
    ),
    notification_kinds=(NotificationKind(PLAN_KIND, _l("Training plan")),),
    seed_demo=demo.seed_demo,
)
