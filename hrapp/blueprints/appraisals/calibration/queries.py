"""The cycle's results as a list (filters, search, sort, pages; one query with the names joined, no per-row
loads), its export, and an appraisal's adjustment history. Reads only."""
from dataclasses import dataclass
from types import SimpleNamespace

import sqlalchemy as sa
from flask import url_for
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


def _joined(query: sa.Select, user, cycle: AppraisalCycle) -> sa.Select:
    """`query` over the cycle's appraisals whose results `user` may see (HR all; heads their departments', never
    their own before publication), joined to the person, department and scorer (and the scorer's staff record)."""
    return (query.select_from(Appraisal)
            .outerjoin(StaffMember, StaffMember.id == Appraisal.staff_id)
            .join(Department, Department.id == Appraisal.department_id)
            .outerjoin(Scorer, Scorer.id == Appraisal.scored_by_id)
            .outerjoin(ScorerStaff, ScorerStaff.id == Scorer.staff_id)
            .where(Appraisal.cycle_id == cycle.id, result_scope(user)))


def results_query(user, cycle: AppraisalCycle) -> sa.Select:
    """The appraisals `_joined` selects, with the person, department and scorer loaded in the same query (the
    export and the API). Team appraisals come along (no person: the department names them)."""
    return _joined(sa.select(Appraisal), user, cycle).options(
        contains_eager(Appraisal.staff), contains_eager(Appraisal.department),
        contains_eager(Appraisal.scored_by.of_type(Scorer)).contains_eager(Scorer.staff.of_type(ScorerStaff)))


def result_ids(user, cycle: AppraisalCycle) -> sa.Select:
    """The ids of the appraisals `_joined` selects: what the pages' listing filters, sorts and pages (the rows
    themselves are then read as plain columns, `result_rows`)."""
    return _joined(sa.select(Appraisal.id), user, cycle)


@dataclass(frozen=True)
class ResultRow:
    """One line of the results table, as text (worked out once per page, not per cell in the template)."""

    id: int
    number: str
    name: str
    department: str
    scorer: str
    self_total: object
    head_total: object
    total: object
    grade: str
    grade_value: str
    calibrated: bool
    status: str
    adjust_url: str


ROW_COLUMNS = (Appraisal.id, Appraisal.staff_id, Appraisal.status, Appraisal.self_total, Appraisal.head_total,
               Appraisal.total, Appraisal.grade, Appraisal.calibrated, StaffMember.staff_number,
               StaffMember.name_zh, StaffMember.name_en, Department.code, Department.name,
               Department.name_en.label("department_en"), Scorer.username, ScorerStaff.name_zh.label("scorer_zh"),
               ScorerStaff.name_en.label("scorer_en"))


def _staff_name(name_zh: str | None, name_en: str | None) -> str:
    return StaffMember.display_name.fget(SimpleNamespace(name_zh=name_zh or "", name_en=name_en or ""))


def result_rows(ids: list[int], adjustable: bool) -> list[ResultRow]:
    """The table's lines for the appraisals `ids` (in that order), read in one query of plain columns;
    `adjustable`: the viewer may calibrate and the cycle is in calibration (each scored result gets its link)."""
    if not ids:
        return []
    found = {row.id: row for row in db.session.execute(
        sa.select(*ROW_COLUMNS).outerjoin(StaffMember, StaffMember.id == Appraisal.staff_id)
        .join(Department, Department.id == Appraisal.department_id)
        .outerjoin(Scorer, Scorer.id == Appraisal.scored_by_id)
        .outerjoin(ScorerStaff, ScorerStaff.id == Scorer.staff_id).where(Appraisal.id.in_(ids)))}
    grades = {g: str(label(g)) for g in Grade}
    statuses = {s: str(label(s)) for s in AppraisalStatus}
    placeholder = "2000000001"
    link = url_for("appraisal_calibration.adjust_result", appraisal_id=int(placeholder)) if adjustable else ""
    rows = []
    for row in (found[i] for i in ids if i in found):
        if row.staff_id is None:
            number = row.code
            name = _("Team: %(name)s", name=display_name(SimpleNamespace(name=row.name, name_en=row.department_en)))
        else:
            number, name = row.staff_number, _staff_name(row.name_zh, row.name_en)
        scorer = _staff_name(row.scorer_zh, row.scorer_en) if row.scorer_zh else (row.username or "")
        rows.append(ResultRow(
            row.id, number, name, row.code, scorer, row.self_total, row.head_total, row.total,
            grades[row.grade] if row.grade else "", row.grade.value if row.grade else "", row.calibrated,
            statuses[row.status],
            link.replace(placeholder, str(row.id)) if adjustable and row.status == AppraisalStatus.SCORED else ""))
    return rows


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
