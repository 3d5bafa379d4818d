"""The appraisal module's permissions and access rules, on the shared mechanism (hrapp.permissions).

- Staff see their own appraisals: they self-assess while the cycle asks for it, see the result only once it is
  published (never before), acknowledge or appeal it, and may give anonymous feedback on colleagues.
- Heads score their departments' staff (never themselves); a person who heads a department is scored by the head
  of the top department of their tree (the general manager), and a general manager by HR. Heads see their
  departments' appraisals and results at every stage.
- HR and administrators keep templates and cycles, import KPIs, calibrate, publish, decide appeals and confirm
  outcomes.
"""
from enum import StrEnum

import sqlalchemy as sa

from hrapp.core.tree import root_path
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalStatus,
    AppraisalTemplate,
    CycleStage,
    Department,
    ImprovementPlan,
    Role,
    Scorer,
)
from hrapp.permissions import (
    department_scope,
    has_perm,
    heads_department,
    is_self,
    sees_everything,
)


class AppraisalPerm(StrEnum):
    VIEW = "appraisal.view"  # one's own appraisals, self-assessment, acknowledgement, appeal, peer feedback
    LEAD = "appraisal.lead"  # one's departments' appraisals: scoring, results, history (heads)
    MANAGE = "appraisal.manage"  # templates, cycles, KPI imports, calibration, appeals, outcomes (HR)


GRANTS = {
    Role.ADMIN: frozenset(AppraisalPerm),
    Role.HR: frozenset(AppraisalPerm),
    Role.HEAD: frozenset({AppraisalPerm.VIEW, AppraisalPerm.LEAD}),
    Role.STAFF: frozenset({AppraisalPerm.VIEW}),
}

# Statuses in which the person appraised may see their result (totals, grade, the head's scores and comments).
RESULT_VISIBLE = frozenset({AppraisalStatus.PUBLISHED, AppraisalStatus.ACKNOWLEDGED, AppraisalStatus.APPEALED,
                            AppraisalStatus.DECIDED})


def can_manage_appraisals(user) -> bool:
    """Templates, cycles, KPI imports, calibration, publishing, appeals and outcomes: HR and admins."""
    return has_perm(user, AppraisalPerm.MANAGE)


def leads_appraisals(user) -> bool:
    """Scores and follows some departments' appraisals (heads) or all of them (HR)."""
    return has_perm(user, AppraisalPerm.LEAD)


def heads_top_department(user, department: Department) -> bool:
    """Whether `user` heads the top department of `department`'s tree (its general manager)."""
    if getattr(user, "role", None) != Role.HEAD or not getattr(user, "is_active", False):
        return False
    top = root_path(department.path)
    return any(headed.path == top for headed in user.headed_departments)


def _is_own(user, appraisal: Appraisal) -> bool:
    return appraisal.staff_id is not None and getattr(user, "staff_id", None) == appraisal.staff_id


def is_scorer(user, appraisal: Appraisal) -> bool:
    """Who scores `appraisal` as its head (Appraisal.scorer): a head of its department (never their own
    appraisal); a head's appraisal only the head of the top department; a general manager's and a team's, HR."""
    if _is_own(user, appraisal) or not getattr(user, "is_active", False):
        return False
    if appraisal.scorer == Scorer.HR:
        return can_manage_appraisals(user)
    if appraisal.scorer == Scorer.GENERAL_MANAGER:
        return heads_top_department(user, appraisal.department)
    return has_perm(user, AppraisalPerm.LEAD) and heads_department(user, appraisal.department)


def can_view_appraisal(user, appraisal: Appraisal) -> bool:
    """That the appraisal exists and its own inputs: the person, their heads (and the general manager), HR."""
    if sees_everything(user):
        return True
    if not getattr(user, "is_active", False):
        return False
    if _is_own(user, appraisal):
        return has_perm(user, AppraisalPerm.VIEW)
    if not has_perm(user, AppraisalPerm.LEAD):
        return False
    if appraisal.scorer == Scorer.HEAD:
        return heads_department(user, appraisal.department)
    # A head's appraisal (scored by the general manager) is not their fellow heads' business; a general
    # manager's own (scored by HR) is HR's alone.
    return appraisal.scorer == Scorer.GENERAL_MANAGER and heads_top_department(user, appraisal.department)


def can_view_result(user, appraisal: Appraisal) -> bool:
    """Totals, grade, the head's scores and comments, adjustments: the person only once published; heads and HR
    at every stage."""
    if not can_view_appraisal(user, appraisal):
        return False
    if _is_own(user, appraisal):  # HR clerks too: their own result waits for publication like anyone's
        return appraisal.status in RESULT_VISIBLE
    return True


# The states in which the person self-assesses, and responds to a published result: the Python predicates below
# and their SQL forms (for lists of what waits) read them from here.
SELF_ASSESS_STATUS, SELF_ASSESS_STAGE = AppraisalStatus.SELF_REVIEW, CycleStage.SELF_ASSESSMENT
RESPOND_STATUS = AppraisalStatus.PUBLISHED


def can_self_assess(user, appraisal: Appraisal) -> bool:
    """The person, while their appraisal waits for the self-assessment in the cycle's self-assessment stage (the
    deadline is the service's check, with its own message)."""
    return (_is_own(user, appraisal) and has_perm(user, AppraisalPerm.VIEW)
            and appraisal.status == SELF_ASSESS_STATUS and appraisal.cycle.stage == SELF_ASSESS_STAGE
            and appraisal.template.self_assessment)


def self_assessable_by(staff_id) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal joined to its AppraisalCycle and AppraisalTemplate: `can_self_assess` for the
    person `staff_id` (a value or a bound parameter), whose account holds AppraisalPerm.VIEW (every role)."""
    return sa.and_(Appraisal.staff_id == staff_id, Appraisal.status == SELF_ASSESS_STATUS,
                   AppraisalCycle.stage == SELF_ASSESS_STAGE, AppraisalTemplate.self_assessment.is_(True))


def can_score(user, appraisal: Appraisal) -> bool:
    """The scorer (is_scorer), while the appraisal waits for it in the head-scoring stage (or in calibration,
    when HR returned it for scoring again)."""
    return (appraisal.status == AppraisalStatus.HEAD_REVIEW
            and appraisal.cycle.stage in (CycleStage.HEAD_SCORING, CycleStage.CALIBRATION)
            and is_scorer(user, appraisal))


def can_calibrate(user, appraisal: Appraisal | None = None) -> bool:
    """Adjusting results and returning them to the head: HR, while the cycle is in calibration."""
    if not can_manage_appraisals(user):
        return False
    return appraisal is None or (not _is_own(user, appraisal) and appraisal.cycle.stage == CycleStage.CALIBRATION
                                 and appraisal.status == AppraisalStatus.SCORED)


def can_respond(user, appraisal: Appraisal) -> bool:
    """Acknowledging or appealing a published result: the person (the deadline is the service's check)."""
    return _is_own(user, appraisal) and appraisal.status == RESPOND_STATUS


def respondable_by(staff_id) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal: `can_respond` for the person `staff_id` (a value or a bound parameter)."""
    return sa.and_(Appraisal.staff_id == staff_id, Appraisal.status == RESPOND_STATUS)


def can_decide_appeal(user, appraisal: Appraisal) -> bool:
    return (can_manage_appraisals(user) and not _is_own(user, appraisal)
            and appraisal.status == AppraisalStatus.APPEALED)


def can_give_peer_feedback(user, appraisal: Appraisal) -> bool:
    """A colleague of the same department (not the person), while the cycle is in self-assessment or head
    scoring, when the template asks for peer feedback."""
    staff = getattr(user, "staff", None)
    return (getattr(user, "is_active", False) and staff is not None and has_perm(user, AppraisalPerm.VIEW)
            and appraisal.staff_id is not None and staff.id != appraisal.staff_id
            and staff.department_id == appraisal.department_id and appraisal.template.peer_feedback
            and appraisal.cycle.stage in (CycleStage.SELF_ASSESSMENT, CycleStage.HEAD_SCORING))


def can_view_cycle(user, cycle: AppraisalCycle) -> bool:
    """Cycles (their names, stages and deadlines): everyone with the appraisal permission."""
    return has_perm(user, AppraisalPerm.VIEW)


def can_view_template(user, template: AppraisalTemplate) -> bool:
    """Templates: HR, and heads (what their staff are appraised on)."""
    return leads_appraisals(user)


def can_view_improvement_plan(user, plan: ImprovementPlan) -> bool:
    """The person, their heads, HR."""
    if sees_everything(user):
        return True
    if not getattr(user, "is_active", False):
        return False
    if is_self(user, plan.staff):
        return True
    return has_perm(user, AppraisalPerm.LEAD) and heads_department(user, plan.staff.department)


def appraisal_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal for those `user` may see (can_view_appraisal): HR all; heads their departments'
    (by the department at the cycle's start) and the heads of their tree when they are its general manager;
    everyone their own. Combine with `result_scope` where totals or grades are shown."""
    if sees_everything(user):
        return sa.true()
    if not getattr(user, "is_active", False):
        return sa.false()
    clauses = []
    staff_id = getattr(user, "staff_id", None)
    if staff_id is not None and has_perm(user, AppraisalPerm.VIEW):
        clauses.append(Appraisal.staff_id == staff_id)
    if has_perm(user, AppraisalPerm.LEAD):
        not_own = sa.true() if staff_id is None else sa.or_(Appraisal.staff_id.is_(None),
                                                              Appraisal.staff_id != staff_id)
        clauses.append(sa.and_(not_own, sa.or_(
            sa.and_(Appraisal.scorer == Scorer.HEAD, Appraisal.department_id.in_(department_scope(user))),
            sa.and_(Appraisal.scorer == Scorer.GENERAL_MANAGER, Appraisal.department_id.in_(top_scope(user))))))
    return sa.or_(*clauses) if clauses else sa.false()


def top_scope(user) -> frozenset[int]:
    """Ids of the departments in the trees whose top department `user` heads (a general manager's scope)."""
    if getattr(user, "role", None) != Role.HEAD:
        return frozenset()
    headed = list(getattr(user, "headed_departments", ()))
    tops = [d.path for d in headed if d.path.count("/") == 2]
    if not tops:
        return frozenset()
    if len(tops) == len(headed):  # heads only top departments: their whole scope
        return department_scope(user)
    cached = getattr(user, "_top_scope", None)
    if cached is None:
        cached = user._top_scope = frozenset(db.session.scalars(sa.select(Department.id).where(
            sa.or_(*(Department.path.startswith(path) for path in tops)))))
    return cached


def result_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal for the results `user` may see (can_view_result): as appraisal_scope, but the
    person's own only once published."""
    staff_id = getattr(user, "staff_id", None)
    if staff_id is None:
        return appraisal_scope(user)
    return sa.and_(appraisal_scope(user),
                   sa.or_(Appraisal.staff_id.is_(None), Appraisal.staff_id != staff_id,
                          Appraisal.status.in_(RESULT_VISIBLE)))


VISIBILITY = {
    Appraisal: can_view_appraisal,
    AppraisalCycle: can_view_cycle,
    AppraisalTemplate: can_view_template,
    ImprovementPlan: can_view_improvement_plan,
}

TEMPLATE_GLOBALS = {
    "can_manage_appraisals": can_manage_appraisals,
    "leads_appraisals": leads_appraisals,
    "can_view_appraisal": can_view_appraisal,
    "can_view_result": can_view_result,
    "can_self_assess": can_self_assess,
    "can_score": can_score,
    "can_calibrate": can_calibrate,
    "can_respond": can_respond,
    "can_decide_appeal": can_decide_appeal,
    "can_give_peer_feedback": can_give_peer_feedback,
}
