"""Training — records: each person's training record (培训档案: courses, hours per year, scores, certificates) and
its signed PDF, the me API; induction programmes assigned on hire and transfer from positions' required training,
their due dates and the overdue list.

Importing the package connects the induction listeners (`staff_placed`, `training_completed`)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.blueprints.training.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask
from hrapp.permissions import has_perm

from . import api, demo
from .audit_labels import AUDIT
from .documents import TRAINING_RECORD
from .induction import INDUCTION_KIND, catch_up_inductions
from .routes import bp


def _has_own_record(user) -> bool:
    return has_perm(user, TrainingPerm.VIEW) and getattr(user, "staff_id", None) is not None


PART = Module(
    name="training.records",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.me_bp,),
    report_types=(TRAINING_RECORD,),
    nav=(
        NavEntry("training_records.show_my_record", _l("My training"), _has_own_record, order=202,
                 element_id="nav-my-training", menu=MENU),
        NavEntry("training_records.list_inductions", _l("Inductions"),
                 lambda user: has_perm(user, TrainingPerm.LEAD), order=210, element_id="nav-inductions", menu=MENU),
    ),
    notification_kinds=(NotificationKind(INDUCTION_KIND, _l("Induction training")),),
    tick_tasks=(TickTask("training.assign_inductions", catch_up_inductions),),
    seed_demo=demo.seed_demo,
    benches=("bench.training_record",),
)
