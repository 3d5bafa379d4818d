"""Who scores an appraisal as its head, as user accounts (to tell them the self-assessment is in), and the
notification itself."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.core.approvers import department_approvers, hr_users
from hrapp.extensions import db
from hrapp.models import Appraisal, Department, Scorer, User
from hrapp.notifications import notify

from ..access import root_path

SELF_SUBMITTED = "appraisal.self_submitted"
SELF_SUBMITTED_LABEL = _l("Self-assessment submitted")


def top_department(department: Department) -> Department | None:
    """The top department of `department`'s tree."""
    return db.session.get(Department, int(root_path(department).strip("/")))


def scorer_users(appraisal: Appraisal) -> list[User]:
    """The accounts that score `appraisal`: the heads of its department (and above; HR when none) for
    Scorer.HEAD, the heads of the top department for GENERAL_MANAGER (HR when none), HR for HR. Never the
    person themselves."""
    if appraisal.scorer == Scorer.HR:
        users = hr_users()
    elif appraisal.scorer == Scorer.GENERAL_MANAGER:
        top = top_department(appraisal.department)
        users = department_approvers(top) if top is not None else hr_users()
    else:
        users = department_approvers(appraisal.department)
    return [u for u in users if appraisal.staff_id is None or u.staff_id != appraisal.staff_id]


def appraisal_link(appraisal: Appraisal) -> str:
    """The appraisal's page (a plain path: the demo seed runs outside any request)."""
    return f"/appraisals/{appraisal.id}"


def tell_scorers(appraisal: Appraisal, actor) -> None:
    """Notify the scorers that the person submitted their self-assessment (in each scorer's language)."""
    name = appraisal.staff.display_name if appraisal.staff is not None else appraisal.department.name
    cycle = appraisal.cycle.name
    users = [u for u in scorer_users(appraisal) if getattr(actor, "id", None) != u.id]
    notify(users, lambda: _("%(name)s submitted the self-assessment of %(cycle)s.", name=name, cycle=cycle),
           appraisal_link(appraisal), kind=SELF_SUBMITTED)
