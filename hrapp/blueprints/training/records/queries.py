"""What a training record shows, read in a handful of queries (no per-row lazy loads), and the inductions list
(filters, sort, pages, export). Reads only."""
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, joinedload

from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.blueprints.training.access import person_scope
from hrapp.company import company_settings, utc_of_local
from hrapp.core.listing import Filter, Listing, positive_int
from hrapp.core.localtime import to_zone
from hrapp.core.sheets import Table
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import (
    Attempt,
    Certificate,
    Course,
    Enrolment,
    InductionAssignment,
    InductionStatus,
    Presence,
    StaffMember,
    TrainingSession,
    utcnow,
)

from . import rules


@dataclass
class CourseLine:
    """One session the person was enrolled in (or an attempt at a session they were not listed for)."""

    course: Course
    day: date
    session: TrainingSession
    enrolment: Enrolment | None
    attempts: list[Attempt] = field(default_factory=list)


@dataclass(frozen=True)
class TrainingRecord:
    staff: StaffMember
    today: date
    year: int | None
    years: list[int]
    hours: list[tuple[int, Decimal]]
    lines: list[CourseLine]
    certificates: list[Certificate]
    inductions: list[InductionAssignment]

    def certificate_state(self, certificate: Certificate) -> str:
        return rules.certificate_state(certificate.expires_on, self.today)

    def induction_state(self, induction: InductionAssignment) -> str:
        return rules.induction_state(induction.status.value, induction.due_on, self.today)


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return utc_of_local(datetime(year, 1, 1)), utc_of_local(datetime(year + 1, 1, 1))


def _hours(staff_id: int, zone: str) -> list[tuple[int, Decimal]]:
    rows = db.session.execute(sa.select(TrainingSession.starts_at, TrainingSession.hours)
                              .join(Enrolment, Enrolment.session_id == TrainingSession.id)
                              .where(Enrolment.staff_id == staff_id, Enrolment.presence == Presence.PRESENT))
    return rules.hours_by_year((to_zone(starts_at, zone).date(), hours) for starts_at, hours in rows)


def _lines(staff_id: int, year: int | None, zone: str) -> list[CourseLine]:
    """The person's enrolments (with session and course) and attempts, by session, latest first."""
    enrolments = sa.select(Enrolment).join(Enrolment.session).join(TrainingSession.course).options(
        contains_eager(Enrolment.session).contains_eager(TrainingSession.course),
        contains_eager(Enrolment.session).joinedload(TrainingSession.department)).where(Enrolment.staff_id == staff_id)
    attempts = sa.select(Attempt).join(Attempt.session).join(Attempt.course).options(
        contains_eager(Attempt.session), contains_eager(Attempt.course)).where(Attempt.staff_id == staff_id)
    if year is not None:
        first, last = _year_bounds(year)
        enrolments = enrolments.where(TrainingSession.starts_at >= first, TrainingSession.starts_at < last)
        attempts = attempts.where(TrainingSession.starts_at >= first, TrainingSession.starts_at < last)
    lines: dict[int, CourseLine] = {}
    for e in db.session.scalars(enrolments):
        lines[e.session_id] = CourseLine(e.session.course, to_zone(e.session.starts_at, zone).date(), e.session, e)
    for a in db.session.scalars(attempts.order_by(Attempt.number)):
        line = lines.setdefault(a.session_id, CourseLine(a.course, to_zone(a.session.starts_at, zone).date(),
                                                         a.session, None))
        line.attempts.append(a)
    return sorted(lines.values(), key=lambda line: (line.session.starts_at, line.session.id), reverse=True)


def training_record(staff: StaffMember, today: date | None = None, year: int | None = None) -> TrainingRecord:
    """Everything a person's training record shows (sessions of `year` only when given), as of `today` (the
    company's today by default): six queries."""
    zone = company_settings().timezone
    today = today or to_zone(utcnow(), zone).date()
    hours = _hours(staff.id, zone)
    lines = _lines(staff.id, year, zone)
    certificates = list(db.session.scalars(
        sa.select(Certificate).options(joinedload(Certificate.course)).where(Certificate.staff_id == staff.id)
        .order_by(Certificate.superseded, Certificate.expires_on.desc(), Certificate.id.desc())))
    inductions = list(db.session.scalars(
        sa.select(InductionAssignment).options(joinedload(InductionAssignment.course))
        .where(InductionAssignment.staff_id == staff.id)
        .order_by(InductionAssignment.status, InductionAssignment.due_on, InductionAssignment.id)))
    years = sorted({y for y, _h in hours} | {today.year}, reverse=True)
    return TrainingRecord(staff, today, year, years, hours, lines, certificates, inductions)


def _overdue(today: date):
    return lambda query, flag: query.where(InductionAssignment.due_on < today) if flag else query


def inductions_listing(today: date) -> Listing:
    """The open-assignments list: overdue first (earliest due), filters by department, course, overdue only."""
    return Listing(
        sorts={"due": InductionAssignment.due_on, "person": StaffMember.staff_number,
               "assigned": InductionAssignment.assigned_on},
        default_sort="due",
        tiebreak=(InductionAssignment.id,),
        filters=(
            Filter("department", lambda q, d: q.where(StaffMember.department_id.in_(department_subtree_ids(d))),
                   parse=positive_int, max_length=18),
            Filter("course", lambda q, c: q.where(InductionAssignment.course_id == c), parse=positive_int,
                   max_length=18),
            Filter("overdue", _overdue(today), parse=lambda v: v == "1", max_length=1),
        ),
    )


def open_inductions(user) -> sa.Select:
    """Open assignments `user` may see (heads: their departments' people; HR: all), person and course loaded."""
    return (sa.select(InductionAssignment).join(InductionAssignment.staff)
            .options(contains_eager(InductionAssignment.staff).joinedload(StaffMember.department),
                     joinedload(InductionAssignment.course))
            .where(InductionAssignment.status == InductionStatus.OPEN,
                   person_scope(user, InductionAssignment.staff_id)))


def courses_with_inductions() -> list[Course]:
    """Courses some position requires or someone was assigned (the course filter's choices)."""
    return list(db.session.scalars(sa.select(Course).where(Course.id.in_(
        sa.select(InductionAssignment.course_id).distinct())).order_by(Course.code)))


def export_table(query: sa.Select, today: date) -> Table:
    """The filtered open assignments as one sheet."""
    rows = [(a.staff.staff_number, a.staff.display_name, a.staff.department.code, a.course.code, a.course.title,
             label(a.reason), a.assigned_on, a.due_on,
             _("Overdue") if rules.induction_state(a.status.value, a.due_on, today) == rules.OVERDUE else "")
            for a in db.session.scalars(query.limit(20000)).unique()]
    return Table(_("Inductions"), [_("Staff number"), _("Name"), _("Department"), _("Course code"), _("Course"),
                                   _("Reason"), _("Assigned"), _("Due"), _("Overdue")], rows)
