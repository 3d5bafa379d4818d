"""Sign-off's lists: HR's appeals (to decide, and decided) and the person's own appraisals (the API)."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, Department, StaffMember

APPEAL_STATES = (AppraisalStatus.APPEALED, AppraisalStatus.DECIDED)


def appeal_state(value: str) -> AppraisalStatus:
    """Appealed (to decide) or decided; ValueError otherwise."""
    state = AppraisalStatus(value)
    if state not in APPEAL_STATES:
        raise ValueError(value)
    return state


def _in_department(query: sa.Select, department_id: int) -> sa.Select:
    """Appraisals of the department and the departments under it."""
    path = sa.select(Department.path).where(Department.id == department_id).scalar_subquery()
    return query.where(Appraisal.department_id.in_(sa.select(Department.id).where(Department.path.startswith(path))))


def _person(query: sa.Select, text: str) -> sa.Select:
    like = f"%{like_escape(text)}%"
    return query.where(sa.or_(StaffMember.name_zh.ilike(like, escape="\\"), StaffMember.name_en.ilike(like, escape="\\"),
                              StaffMember.staff_number.ilike(like, escape="\\")))


APPEALS = Listing(
    sorts={"appealed": Appraisal.appealed_at, "decided": Appraisal.decided_at, "person": StaffMember.name_zh,
           "cycle": AppraisalCycle.name, "total": Appraisal.total, "status": Appraisal.status},
    default_sort="appealed", tiebreak=(Appraisal.id,),
    filters=(Filter("cycle", lambda q, c: q.where(Appraisal.cycle_id == c), positive_int),
             Filter("department", _in_department, positive_int),
             Filter("status", lambda q, s: q.where(Appraisal.status == s), appeal_state),
             Filter("q", _person)))


def appeals_query() -> sa.Select:
    """Every appealed appraisal, open or decided (HR sees them all)."""
    return (sa.select(Appraisal).join(AppraisalCycle, AppraisalCycle.id == Appraisal.cycle_id)
            .outerjoin(StaffMember, StaffMember.id == Appraisal.staff_id)
            .where(Appraisal.appealed_at.is_not(None))
            .options(joinedload(Appraisal.staff), joinedload(Appraisal.department), joinedload(Appraisal.cycle)))


def open_appeal_count() -> int:
    """How many appeals wait for a decision."""
    return db.session.scalar(sa.select(sa.func.count(Appraisal.id)).where(
        Appraisal.status == AppraisalStatus.APPEALED)) or 0


def cycles() -> list[AppraisalCycle]:
    """The cycles, newest first (the list's filter)."""
    return list(db.session.scalars(sa.select(AppraisalCycle).order_by(AppraisalCycle.first_on.desc(),
                                                                      AppraisalCycle.id.desc())))


def my_appraisals(staff_id: int | None) -> sa.Select:
    """The person's own appraisals, newest cycle first (nothing without a staff record)."""
    if staff_id is None:
        return sa.select(Appraisal).where(sa.false())
    return (sa.select(Appraisal).join(AppraisalCycle, AppraisalCycle.id == Appraisal.cycle_id)
            .where(Appraisal.staff_id == staff_id).options(joinedload(Appraisal.cycle))
            .order_by(AppraisalCycle.first_on.desc(), Appraisal.id.desc()))
