"""What the outcome and plan pages read: the lists (scoped by appraisals/access.py, filtered, paged), an
appraisal's outcomes (for the appraisal page's partial), the confirm forms' choices and defaults."""
import sqlalchemy as sa
from sqlalchemy.orm import contains_eager

from hrapp.blueprints.appraisals import rules as appraisal_rules
from hrapp.blueprints.appraisals.access import AppraisalPerm, result_scope
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.core.listing import Filter, Listing, positive_int
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalOutcome,
    Course,
    ImprovementPlan,
    ImprovementStatus,
    OutcomeKind,
    OutcomeStatus,
    StaffMember,
)
from hrapp.permissions import own_or_department_clause

from . import rules

OUTCOMES = Listing(
    sorts={"created": AppraisalOutcome.created_at, "kind": AppraisalOutcome.kind,
           "status": AppraisalOutcome.status, "staff": StaffMember.staff_number},
    default_sort="-created", tiebreak=(AppraisalOutcome.id.desc(),),
    filters=(Filter("cycle", lambda q, c: q.where(Appraisal.cycle_id == c), parse=positive_int, max_length=18),
             Filter("kind", lambda q, k: q.where(AppraisalOutcome.kind == k), parse=OutcomeKind, max_length=20),
             Filter("status", lambda q, s: q.where(AppraisalOutcome.status == s), parse=OutcomeStatus,
                    max_length=20),
             Filter("department", lambda q, d: q.where(Appraisal.department_id.in_(department_subtree_ids(d))),
                    parse=positive_int, max_length=18)),
)

PLANS = Listing(
    sorts={"review_on": ImprovementPlan.review_on, "status": ImprovementPlan.status,
           "staff": StaffMember.staff_number},
    default_sort="review_on", tiebreak=(ImprovementPlan.id,),
    filters=(Filter("status", lambda q, s: q.where(ImprovementPlan.status == s), parse=ImprovementStatus,
                    max_length=20),
             Filter("cycle", lambda q, c: q.where(Appraisal.cycle_id == c), parse=positive_int, max_length=18),
             Filter("department", lambda q, d: q.where(StaffMember.department_id.in_(department_subtree_ids(d))),
                    parse=positive_int, max_length=18)),
)


def outcomes_query(user) -> sa.Select:
    """The outcomes `user` sees (can_view_outcome): HR all, heads their departments' results'."""
    return (sa.select(AppraisalOutcome).join(AppraisalOutcome.appraisal).join(Appraisal.staff)
            .options(contains_eager(AppraisalOutcome.appraisal).contains_eager(Appraisal.staff),
                     contains_eager(AppraisalOutcome.appraisal).joinedload(Appraisal.cycle),
                     contains_eager(AppraisalOutcome.appraisal).joinedload(Appraisal.department))
            .where(result_scope(user)))


def plans_query(user) -> sa.Select:
    """The plans `user` sees (can_view_improvement_plan): HR all, heads their departments', staff their own."""
    return (sa.select(ImprovementPlan).join(ImprovementPlan.staff).join(ImprovementPlan.appraisal)
            .options(contains_eager(ImprovementPlan.staff).joinedload(StaffMember.department),
                     contains_eager(ImprovementPlan.appraisal).joinedload(Appraisal.cycle))
            .where(own_or_department_clause(user, ImprovementPlan.staff_id, StaffMember.department_id,
                                            AppraisalPerm.LEAD)))


def outcomes_of(appraisal: Appraisal) -> list[AppraisalOutcome]:
    """The appraisal's outcomes (for appraisals/outcomes/_outcomes.html on the appraisal page), by kind."""
    return list(db.session.scalars(sa.select(AppraisalOutcome).where(AppraisalOutcome.appraisal_id == appraisal.id)
                                   .order_by(AppraisalOutcome.kind)))


def plan_of(appraisal_id: int) -> ImprovementPlan | None:
    return db.session.scalar(sa.select(ImprovementPlan).where(ImprovementPlan.appraisal_id == appraisal_id))


def cycles() -> list[AppraisalCycle]:
    """Every cycle, newest first (the filters' choices)."""
    return list(db.session.scalars(sa.select(AppraisalCycle).order_by(AppraisalCycle.first_on.desc(),
                                                                      AppraisalCycle.id.desc())))


def active_courses() -> list[tuple]:
    """The training confirm form's course choices: none, then the active courses."""
    rows = db.session.scalars(sa.select(Course).where(Course.active.is_(True)).order_by(Course.code))
    return [(None, "—")] + [(course.id, f"{course.code} {course.title}") for course in rows]


def weakest_topic(appraisal: Appraisal) -> str:
    """The training need's default topic: the titles of the appraisal's weakest criteria in the result."""
    scored = [(item.title_zh, appraisal_rules.result_score(item.kind.value, item.head_score, item.value_score))
              for item in appraisal.items]
    return "、".join(rules.weakest(scored))


def staff_results(staff: StaffMember, user) -> list[Appraisal]:
    """`staff`'s results across cycles that `user` may see (the person: published ones only), oldest first."""
    return list(db.session.scalars(
        sa.select(Appraisal).join(Appraisal.cycle).options(contains_eager(Appraisal.cycle))
        .where(Appraisal.staff_id == staff.id, Appraisal.total.is_not(None), result_scope(user))
        .order_by(AppraisalCycle.first_on, AppraisalCycle.id)))

