"""What the cycles pages and the API read: the cycles list, progress counts per status (and per department), the
overdue lists and the people without an appraisal — all within what the user may see (access.appraisal_scope
narrowed to the departments a head leads)."""
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.company import company_today
from hrapp.core.listing import Filter, Listing, like_escape
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, CycleStage, Department, StaffMember
from hrapp.permissions import department_scope, sees_everything

from ..access import can_manage_appraisals, leads_appraisals
from .opening import eligible_clause


def _stage(value: str) -> CycleStage:
    return CycleStage(value)


CYCLES = Listing(
    sorts={"first": AppraisalCycle.first_on, "name": AppraisalCycle.name, "stage": AppraisalCycle.stage},
    default_sort="-first",
    tiebreak=(AppraisalCycle.id.desc(),),
    filters=(
        Filter("stage", lambda q, s: q.where(AppraisalCycle.stage == s), parse=_stage, max_length=20),
        Filter("q", lambda q, t: q.where(AppraisalCycle.name.ilike(f"%{like_escape(t)}%", escape="\\")),
               max_length=40),
    ),
)


def cycles_query(user) -> sa.Select:
    """Cycles the user is shown: all for heads and HR; staff the cycles they are appraised in."""
    query = sa.select(AppraisalCycle)
    if sees_everything(user) or leads_appraisals(user):
        return query
    staff_id = getattr(user, "staff_id", None)
    return query.where(AppraisalCycle.id.in_(sa.select(Appraisal.cycle_id).where(Appraisal.staff_id == staff_id)))


def progress_clause(user) -> sa.ColumnElement[bool]:
    """The appraisals whose progress `user` follows: HR all, heads their departments' (not their own)."""
    if sees_everything(user) or can_manage_appraisals(user):
        return sa.true()
    if not leads_appraisals(user):
        return sa.false()
    clause = Appraisal.department_id.in_(department_scope(user))
    staff_id = getattr(user, "staff_id", None)
    if staff_id is not None:
        clause = sa.and_(clause, sa.or_(Appraisal.staff_id.is_(None), Appraisal.staff_id != staff_id))
    return clause


def status_counts(cycle_ids: list[int], user) -> dict[int, dict[str, int]]:
    """cycle id -> status value -> how many of the appraisals `user` follows (one query)."""
    answer: dict[int, dict[str, int]] = {cycle_id: {} for cycle_id in cycle_ids}
    if not cycle_ids:
        return answer
    rows = db.session.execute(sa.select(Appraisal.cycle_id, Appraisal.status, sa.func.count(Appraisal.id))
                              .where(Appraisal.cycle_id.in_(cycle_ids), progress_clause(user))
                              .group_by(Appraisal.cycle_id, Appraisal.status))
    for cycle_id, status, count in rows:
        answer[cycle_id][AppraisalStatus(status).value] = count
    return answer


def own_statuses(cycle_ids: list[int], staff_id: int | None) -> dict[int, AppraisalStatus]:
    """cycle id -> the person's own appraisal's status."""
    if staff_id is None or not cycle_ids:
        return {}
    return dict(db.session.execute(sa.select(Appraisal.cycle_id, Appraisal.status).where(
        Appraisal.cycle_id.in_(cycle_ids), Appraisal.staff_id == staff_id)).all())


def department_counts(cycle: AppraisalCycle, user) -> list[tuple[Department, dict[str, int], int]]:
    """Per department: (department, status value -> count, total), by department code."""
    rows = db.session.execute(sa.select(Appraisal.department_id, Appraisal.status, sa.func.count(Appraisal.id))
                              .where(Appraisal.cycle_id == cycle.id, progress_clause(user))
                              .group_by(Appraisal.department_id, Appraisal.status)).all()
    by_department: dict[int, dict[str, int]] = {}
    for department_id, status, count in rows:
        by_department.setdefault(department_id, {})[AppraisalStatus(status).value] = count
    departments = db.session.scalars(sa.select(Department).where(Department.id.in_(by_department))
                                     .order_by(Department.code)).all()
    return [(d, by_department[d.id], sum(by_department[d.id].values())) for d in departments]


# An overdue step: the appraisal's status waiting for it, the cycle's stage while it runs, its deadline.
_STEPS = {"self": (AppraisalStatus.SELF_REVIEW, CycleStage.SELF_ASSESSMENT, AppraisalCycle.self_due_on),
          "head": (AppraisalStatus.HEAD_REVIEW, CycleStage.HEAD_SCORING, AppraisalCycle.head_due_on)}


def overdue_clause(cycle_id, today: date, step: str | None = None) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal: of the cycle `cycle_id` (an id or a scalar SELECT), still waiting for a step
    while the cycle is at that stage and past its deadline: the self-assessment ("self": past self_due_on during
    the self-assessment) or the head's scoring ("head": past head_due_on during the scoring); `step` None: either."""
    late = [sa.and_(Appraisal.status == status, AppraisalCycle.stage == stage, due_on < today)
            for key, (status, stage, due_on) in _STEPS.items() if step in (None, key)]
    return sa.and_(Appraisal.cycle_id == cycle_id,
                   sa.exists().where(AppraisalCycle.id == Appraisal.cycle_id, sa.or_(*late)))


def unacknowledged_clause(cycle_id, today: date) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal: of the cycle `cycle_id`, published and not acknowledged (nor appealed) by its
    `respond_by` day."""
    return sa.and_(Appraisal.cycle_id == cycle_id, Appraisal.status == AppraisalStatus.PUBLISHED,
                   Appraisal.respond_by < today)


def overdue(cycle: AppraisalCycle, user, today: date | None = None) -> dict[str, list[Appraisal]]:
    """"self": who has not self-assessed past self_due_on; "head": appraisals not scored past head_due_on
    (overdue_clause: only while the cycle is at that stage)."""
    today = today or company_today()
    answer: dict[str, list[Appraisal]] = {}
    for key in _STEPS:
        answer[key] = list(db.session.scalars(
            sa.select(Appraisal).where(overdue_clause(cycle.id, today, key), progress_clause(user))
            .options(joinedload(Appraisal.staff), joinedload(Appraisal.department))
            .outerjoin(StaffMember, StaffMember.id == Appraisal.staff_id)
            .order_by(Appraisal.department_id, StaffMember.staff_number, Appraisal.id).limit(500)))
    return answer


def without_appraisal(cycle: AppraisalCycle) -> list[StaffMember]:
    """The people the cycle would appraise who have no appraisal in it (no usable template, or hired after
    opening): HR adds them once a template applies."""
    if cycle.stage == CycleStage.SETUP:
        return []
    return list(db.session.scalars(
        sa.select(StaffMember).where(eligible_clause(cycle), ~StaffMember.id.in_(
            sa.select(Appraisal.staff_id).where(Appraisal.cycle_id == cycle.id, Appraisal.staff_id.is_not(None))))
        .options(joinedload(StaffMember.department)).order_by(StaffMember.staff_number).limit(500)))
