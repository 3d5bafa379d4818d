"""Appraisals — sign-off: acknowledging or appealing a published result, deciding appeals, silence as
acknowledgement; the signed appraisal form (季度考核表); the person's appraisals API (`/api/v1/me/appraisals`).

The appraisal page (scoring part) includes the partials appraisals/signoff/_respond.html (the person's buttons,
the appeal and the decision) and appraisals/signoff/_form_link.html (issue or open the signed form)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry, NotificationKind, TickTask

from ..labels import MENU
from . import api
from .access import can_list_appeals
from .audit_labels import AUDIT
from .documents import APPRAISAL_FORM
from .notices import APPEAL_DECIDED, APPEALED, SILENCE
from .panel import signoff_panel
from .routes import bp
from .services import acknowledge_by_silence

PART = Module(
    name="appraisals.signoff",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.me_bp,),
    report_types=(APPRAISAL_FORM,),
    nav=(NavEntry("appraisal_signoff.list_appeals", _l("Appraisal appeals"), can_list_appeals, order=356,
                  element_id="nav-appraisal-appeals", menu=MENU),),
    notification_kinds=(
        NotificationKind(APPEALED, _l("Appraisal appeal to decide")),
        NotificationKind(APPEAL_DECIDED, _l("Decision on your appraisal appeal")),
        NotificationKind(SILENCE, _l("Appraisal result acknowledged by silence")),
    ),
    tick_tasks=(TickTask("appraisals.silence_acknowledges", acknowledge_by_silence),),
    template_globals={"signoff_panel": signoff_panel},
)
