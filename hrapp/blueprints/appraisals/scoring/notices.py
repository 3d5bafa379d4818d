"""Telling the scorers that a self-assessment is in (appraisals/scorers.py says who they are)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.models import Appraisal
from hrapp.notifications import notify

from ..scorers import appraisal_link, scorer_users

SELF_SUBMITTED = "appraisal.self_submitted"
SELF_SUBMITTED_LABEL = _l("Self-assessment submitted")


def tell_scorers(appraisal: Appraisal, actor) -> None:
    """Notify the scorers that the person submitted their self-assessment (in each scorer's language)."""
    name = appraisal.staff.display_name if appraisal.staff is not None else appraisal.department.name
    cycle = appraisal.cycle.name
    users = [u for u in scorer_users(appraisal) if getattr(actor, "id", None) != u.id]
    notify(users, lambda: _("%(name)s submitted the self-assessment of %(cycle)s.", name=name, cycle=cycle),
           appraisal_link(appraisal), kind=SELF_SUBMITTED)
