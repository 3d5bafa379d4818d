"""Training — results: sign-in with the session's code and the trainer's marking (absences recorded), assessment attempts and retakes, certificates with expiry (the signed certificate, reminders, the overdue list), feedback on the five-level scale; the results API."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.blueprints.training.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask
from hrapp.models import FeedbackRating
from hrapp.permissions import has_perm

from . import api, cli, demo  # noqa: F401  (cli adds its command to the training group)
from .audit_labels import AUDIT
from .certificates import CERTIFICATE_KIND, send_certificate_reminders
from .documents import TRAINING_CERTIFICATE
from .register import record_absences
from .routes import bp

PART = Module(
    name="training.results",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    report_types=(TRAINING_CERTIFICATE,),
    template_globals={"feedback_rating": FeedbackRating},
    nav=(
        NavEntry("training_results.sign_in", _l("Sign in to training"), lambda user: has_perm(user, TrainingPerm.VIEW),
                 order=205, element_id="nav-training-sign-in", menu=MENU),
        NavEntry("training_results.list_certificates", _l("Certificates"),
                 lambda user: has_perm(user, TrainingPerm.LEAD), order=207, element_id="nav-training-certificates",
                 menu=MENU),
    ),
    notification_kinds=(NotificationKind(CERTIFICATE_KIND, _l("Training certificate")),),
    tick_tasks=(TickTask("training.record_absences", record_absences),
                TickTask("training.certificate_reminders", send_certificate_reminders)),
    seed_demo=demo.seed_demo,
)
