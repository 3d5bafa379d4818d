"""Appraisals — scoring: the appraisal page, self-assessment, the head's (or general manager's) scoring with comments on the extreme levels, team appraisals, anonymous peer feedback; deadlines."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.permissions import has_perm

from ..access import AppraisalPerm, leads_appraisals
from ..labels import MENU
from .audit_labels import AUDIT
from .entries import plain_number
from .notices import SELF_SUBMITTED, SELF_SUBMITTED_LABEL
from .routes import bp


def _sees_own(user) -> bool:
    return has_perm(user, AppraisalPerm.VIEW)


PART = Module(
    name="appraisals.scoring",
    audit=AUDIT,
    blueprints=(bp,),
    nav=(
        NavEntry("appraisal_scoring.list_my_appraisals", _l("My appraisals"), _sees_own, order=300,
                 element_id="nav-appraisals-mine", menu=MENU),
        NavEntry("appraisal_scoring.list_to_score", _l("Appraisals to score"), leads_appraisals, order=301,
                 element_id="nav-appraisals-to-score", menu=MENU),
    ),
    template_globals={"plain_number": plain_number},
    notification_kinds=(NotificationKind(SELF_SUBMITTED, SELF_SUBMITTED_LABEL),),
)
