"""The cycle's results as a list (filters, search, sort, pages; one query with the names joined, no per-row
loads), its export, and an appraisal's adjustment history. Reads only."""
import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import aliased, contains_eager, joinedload

from hrapp.blueprints.appraisals.access import result_scope
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.core.listing import Filter, Listing, like_escape, positive_int, yes_no
from hrapp.core.sheets import Table
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import (
    Appraisal,
    AppraisalAdjustment,
    AppraisalCycle,
    AppraisalStatus,
    Department,
    Grade,
    StaffMember,
    User,
)
from hrapp.naming import display_name

MAX_EXPORT = 20000
Scorer = aliased(User, name="scorer")
ScorerStaff = aliased(StaffMember, name="scorer_staff")


def _search(query: sa.Select, text: str) -> sa.Select:
    pattern = f"%{like_escape(text)}%"
    return query.where(sa.or_(StaffMember.staff_number.ilike(pattern, escape="\\"),
                              StaffMember.name_zh.ilike(pattern, escape="\\"),
                              StaffMember.name_en.ilike(pattern, escape="\\")))


def results_listing(per_page: int | None = None) -> Listing:
    """The results list: filters by department (with sub-departments), grade, status, calibrated, and a search
    by name or staff number; sorted by department and person by default."""
    return Listing(
        sorts={"department": Department.path, "person": StaffMember.staff_number, "total": Appraisal.total,
               "head_total": Appraisal.head_total, "self_total": Appraisal.self_total},
        default_sort="department",
        tiebreak=(StaffMember.staff_number, Appraisal.id),
        filters=(
            Filter("department", lambda q, d: q.where(Appraisal.department_id.in_(department_subtree_ids(d))),
                   parse=positive_int, max_length=18),
            Filter("grade", lambda q, g: q.where(Appraisal.grade == g), parse=Grade, max_length=24),
            Filter("status", lambda q, s: q.where(Appraisal.status == s), parse=AppraisalStatus, max_length=24),
            Filter("calibrated", lambda q, c: q.where(Appraisal.calibrated.is_(c)), parse=yes_no, max_length=3),
            Filter("q", _search, max_length=40),
        ),
        per_page=per_page,
    )


def results_query(user, cycle: AppraisalCycle) -> sa.Select:
    """The cycle's appraisals whose results `user` may see (HR all; heads their departments', never their own
    before publication), with the person, department and scorer (and the scorer's staff record) loaded in the
    same query. Team appraisals come along (no person: the department names them)."""
    return (sa.select(Appraisal)
            .outerjoin(StaffMember, StaffMember.id == Appraisal.staff_id)
            .join(Department, Department.id == Appraisal.department_id)
            .outerjoin(Scorer, Scorer.id == Appraisal.scored_by_id)
            .outerjoin(ScorerStaff, ScorerStaff.id == Scorer.staff_id)
            .options(contains_eager(Appraisal.staff), contains_eager(Appraisal.department),
                     contains_eager(Appraisal.scored_by.of_type(Scorer)).contains_eager(
                         Scorer.staff.of_type(ScorerStaff)))
            .where(Appraisal.cycle_id == cycle.id, result_scope(user)))


def person_of(appraisal: Appraisal) -> tuple[str, str]:
    """(staff number, name) of the appraised, or the team's department (code, name)."""
    if appraisal.staff is None:
        return appraisal.department.code, _("Team: %(name)s", name=display_name(appraisal.department))
    return appraisal.staff.staff_number, appraisal.staff.display_name


def scorer_name(appraisal: Appraisal) -> str:
    """Who scored it: the scorer's name, or their user name without a staff record ("" before scoring)."""
    user = appraisal.scored_by
    if user is None:
        return ""
    return user.staff.display_name if user.staff is not None else user.username


def export_table(cycle: AppraisalCycle, query: sa.Select) -> Table:
    """The filtered results as one sheet (at most MAX_EXPORT rows), headers in the page's language."""
    rows = []
    for a in db.session.scalars(query.limit(MAX_EXPORT)).unique():
        number, name = person_of(a)
        rows.append((number, name, a.department.code, display_name(a.department), scorer_name(a), a.self_total,
                     a.head_total, a.total, str(label(a.grade)) if a.grade else "",
                     _("Yes") if a.calibrated else _("No"), str(label(a.status))))
    return Table(cycle.name, [_("Staff number"), _("Name"), _("Department code"), _("Department"), _("Scored by"),
                              _("Self-assessment"), _("Head's total"), _("Total"), _("Grade"), _("Calibrated"),
                              _("Status")], rows)


def adjustments_of(appraisal: Appraisal) -> list[AppraisalAdjustment]:
    """The appraisal's adjustments (calibration and appeal decisions), oldest first, with who made them."""
    return list(db.session.scalars(
        sa.select(AppraisalAdjustment).options(joinedload(AppraisalAdjustment.adjusted_by).joinedload(User.staff))
        .where(AppraisalAdjustment.appraisal_id == appraisal.id)
        .order_by(AppraisalAdjustment.adjusted_at, AppraisalAdjustment.id)))
