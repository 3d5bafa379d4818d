"""Whom an appraisal concerns as accounts, shared by the parts: who scores it (to tell and remind them, to send a
returned result back) and the plain path of its page for notifications (sent outside requests too)."""
from hrapp.core.approvers import department_approvers, hr_users
from hrapp.core.tree import path_ids
from hrapp.extensions import db
from hrapp.models import Appraisal, Department, Scorer, User


def top_department(department: Department) -> Department | None:
    """The top department of `department`'s tree."""
    return db.session.get(Department, path_ids(department.path)[0])


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
    """The appraisal's page (appraisal_scoring.show_appraisal) as a plain path: the demo and `tick` notify outside
    any request."""
    return f"/appraisals/{appraisal.id}"
