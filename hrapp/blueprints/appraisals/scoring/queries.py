"""The scoring part's reads: the person's appraisals, the colleagues they may give feedback on, the appraisals a
user scores (access.is_scorer as SQL) and a department's team result for its members."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.core.approvers import department_chain
from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalStatus,
    AppraisalTemplate,
    CycleStage,
    Department,
    PeerFeedback,
    Role,
    Scorer,
    StaffMember,
)
from hrapp.permissions import department_scope

from ..access import RESULT_VISIBLE, can_manage_appraisals, leads_appraisals

PEER_STAGES = (CycleStage.SELF_ASSESSMENT, CycleStage.HEAD_SCORING)


def my_appraisals(user) -> list[Appraisal]:
    """The user's own appraisals, latest cycle first (none without a staff record)."""
    if getattr(user, "staff_id", None) is None:
        return []
    return list(db.session.scalars(
        sa.select(Appraisal).join(AppraisalCycle).options(joinedload(Appraisal.cycle))
        .where(Appraisal.staff_id == user.staff_id).order_by(AppraisalCycle.first_on.desc(), Appraisal.id)))


def peer_candidates(user) -> list[Appraisal]:
    """Colleagues' appraisals (same department) whose template asks for peer feedback, in a cycle still open
    for it, that the user has not given feedback on yet."""
    staff = getattr(user, "staff", None)
    if staff is None:
        return []
    given = sa.select(PeerFeedback.appraisal_id).where(PeerFeedback.reviewer_staff_id == staff.id)
    return list(db.session.scalars(
        sa.select(Appraisal).join(AppraisalCycle).join(AppraisalTemplate, Appraisal.template_id == AppraisalTemplate.id)
        .join(StaffMember, Appraisal.staff_id == StaffMember.id)
        .options(joinedload(Appraisal.staff), joinedload(Appraisal.cycle))
        .where(Appraisal.department_id == staff.department_id, Appraisal.staff_id != staff.id,
               AppraisalTemplate.peer_feedback.is_(True), AppraisalCycle.stage.in_(PEER_STAGES),
               Appraisal.id.not_in(given))
        .order_by(AppraisalCycle.first_on.desc(), StaffMember.staff_number)))


def team_result(appraisal: Appraisal) -> Appraisal | None:
    """The published team appraisal of the person's department (or the nearest department above it that has
    one) in the same cycle; None if none yet."""
    if appraisal.staff_id is None:
        return None
    chain = department_chain(appraisal.department)
    teams = db.session.scalars(sa.select(Appraisal).where(
        Appraisal.cycle_id == appraisal.cycle_id, Appraisal.team_department_id.in_(chain),
        Appraisal.status.in_(RESULT_VISIBLE))).all()
    return min(teams, key=lambda team: chain.index(team.team_department_id), default=None)


def scored_by_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition on Appraisal for those `user` scores (access.is_scorer): HR the HR-scored ones; a head
    the HEAD-scored ones of their departments, and the GENERAL_MANAGER-scored ones of the trees whose top
    department they head. Never their own."""
    if not getattr(user, "is_active", False):
        return sa.false()
    clauses = []
    if can_manage_appraisals(user):
        clauses.append(Appraisal.scorer == Scorer.HR)
    if getattr(user, "role", None) == Role.HEAD and leads_appraisals(user):
        clauses.append(sa.and_(Appraisal.scorer == Scorer.HEAD, Appraisal.department_id.in_(department_scope(user))))
        tops = [d.path for d in user.headed_departments if d.path.count("/") == 2]
        if tops:
            in_trees = sa.select(Department.id).where(sa.or_(*(Department.path.startswith(p) for p in tops)))
            clauses.append(sa.and_(Appraisal.scorer == Scorer.GENERAL_MANAGER, Appraisal.department_id.in_(in_trees)))
    if not clauses:
        return sa.false()
    staff_id = getattr(user, "staff_id", None)
    not_own = sa.true() if staff_id is None else sa.or_(Appraisal.staff_id.is_(None), Appraisal.staff_id != staff_id)
    return sa.and_(sa.or_(*clauses), not_own)


def _search(query: sa.Select, text: str) -> sa.Select:
    pattern = f"%{like_escape(text)}%"
    return query.where(sa.or_(StaffMember.name_zh.ilike(pattern, escape="\\"),
                              StaffMember.staff_number.ilike(pattern, escape="\\")))


def _status(value: str) -> AppraisalStatus:
    return AppraisalStatus(value)


TO_SCORE = Listing(
    sorts={"cycle": AppraisalCycle.first_on, "status": Appraisal.status, "number": StaffMember.staff_number,
           "department": Department.code},
    default_sort="-cycle",
    tiebreak=(Appraisal.id,),
    filters=(
        Filter("cycle", lambda q, v: q.where(Appraisal.cycle_id == v), positive_int),
        Filter("status", lambda q, v: q.where(Appraisal.status == v), _status),
        Filter("department", lambda q, v: q.where(Appraisal.department_id == v), positive_int),
        Filter("q", _search),
    ),
)


def to_score_query(user) -> sa.Select:
    """Every appraisal `user` scores, with what the list shows."""
    return (sa.select(Appraisal).join(AppraisalCycle).join(Department, Appraisal.department_id == Department.id)
            .outerjoin(StaffMember, Appraisal.staff_id == StaffMember.id)
            .options(joinedload(Appraisal.cycle), joinedload(Appraisal.staff), joinedload(Appraisal.department))
            .where(scored_by_clause(user)))


def cycles_for_filter() -> list[AppraisalCycle]:
    """The cycles a list may be filtered by, latest first."""
    return list(db.session.scalars(sa.select(AppraisalCycle).order_by(AppraisalCycle.first_on.desc())))
