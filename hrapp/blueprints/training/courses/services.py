"""Keeping the catalogue: add a course, change it, take it out of use (or back), and each position's required
training (add a position to a course, remove it). Never commits; the actor is passed in; every change audited."""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    Course,
    CourseCategory,
    EmploymentStatus,
    Position,
    PositionCourse,
    RequiredTrainingKind,
    StaffMember,
    utcnow,
)

from .queries import rules_by_ids
from .rules import CourseSettings, course_problems, due_days_problem

DUPLICATE_CODE = _l("This code is already used by another course.")
DUPLICATE_POSITION = _l("This position already requires this course.")
unique_field("uq_training_courses_code", "code", DUPLICATE_CODE)
unique_field("position_course_once", "position_id", DUPLICATE_POSITION)

MESSAGES = {
    "hours": _l("Hours must be more than 0 and at most 999.9, with at most one decimal."),
    "max_score": _l("The maximum score must be more than 0 and at most 9999.9, with at most one decimal."),
    "pass_range": _l("The pass mark must be between 0 and the maximum score, with at most one decimal."),
    "retakes": _l("Retakes must be a whole number from 0 to 20."),
    "months": _l("A certificate is valid for 1 to 240 months."),
    "not_assessed": _l("Only an assessed course (one with a pass mark) can issue a certificate."),
    "two_trainers": _l("Give either a staff member or an outside trainer, not both."),
    "unknown_trainer": _l("No staff member has this staff number."),
    "trainer_left": _l("This staff member has left the company."),
    "category": _l("Choose a category."),
    "due_days": _l("Days to complete must be a whole number from 1 to 3650."),
    "position": _l("Choose a position."),
    "kind": _l("Choose the kind of training."),
}
TENTH = Decimal("0.1")
FIELDS = ("code", "title", "title_en", "category", "description", "hours", "trainer_number", "trainer_name",
          "max_score", "pass_score", "retakes", "certificate_months", "open_enrolment", "active", "rules")


class RequiredTrainingGone(LookupError):
    """The required-training row was removed already (by someone else, or in another tab)."""


@dataclass(frozen=True)
class CourseDraft:
    """A course's settings as entered."""

    code: str
    title: str
    title_en: str
    category: str
    description: str
    hours: Decimal | None
    trainer_number: str
    trainer_name: str
    max_score: Decimal | None
    pass_score: Decimal | None
    retakes: int | None
    certificate_months: int | None
    open_enrolment: bool
    rule_ids: tuple[int, ...] = ()


def course_snapshot(course: Course) -> dict:
    """The audited view of a course (JSON-safe; the trainer by staff number, the rules by code)."""
    values = audit.snapshot(course, [f for f in FIELDS if f not in ("trainer_number", "rules")])
    return values | {"trainer_number": course.trainer.staff_number if course.trainer else "",
                     "rules": [r.code for r in course.rules]}


def _taken(code: str, except_id: int | None) -> bool:
    return db.session.scalar(sa.select(Course.id).where(Course.code == code.strip(),
                                                        Course.id != (except_id or -1))) is not None


def _problems(draft: CourseDraft, except_id: int | None) -> tuple[dict[str, list], StaffMember | None]:
    """Field -> messages for a draft, and the trainer it names (a staff member, or None)."""
    settings = CourseSettings(draft.hours, draft.max_score, draft.pass_score, draft.retakes,
                              draft.certificate_months, draft.trainer_number, draft.trainer_name)
    errors = {name: [MESSAGES[code]] for name, code in course_problems(settings).items()}
    if draft.category not in CourseCategory._value2member_map_:
        errors["category"] = [MESSAGES["category"]]
    if _taken(draft.code, except_id):
        errors["code"] = [DUPLICATE_CODE]
    trainer = None
    if draft.trainer_number.strip():
        trainer = StaffMember.numbered(draft.trainer_number)
        if trainer is None:
            errors["trainer_number"] = [MESSAGES["unknown_trainer"]]
        elif trainer.status == EmploymentStatus.LEFT:
            errors["trainer_number"] = [MESSAGES["trainer_left"]]
    return errors, trainer


def _tenths(value: Decimal | None) -> Decimal | None:
    """A validated hours or score value with its one decimal written out (4 -> 4.0), as the column holds it."""
    return value.quantize(TENTH) if value is not None else None


def _apply(course: Course, draft: CourseDraft, trainer: StaffMember | None) -> None:
    course.code, course.title, course.title_en = draft.code.strip(), draft.title.strip(), draft.title_en.strip()
    course.category, course.description = CourseCategory(draft.category), draft.description.strip()
    course.hours, course.max_score = _tenths(draft.hours), _tenths(draft.max_score)
    course.pass_score = _tenths(draft.pass_score)
    course.retakes, course.certificate_months = draft.retakes, draft.certificate_months
    course.trainer, course.trainer_name = trainer, "" if trainer else draft.trainer_name.strip()
    course.open_enrolment = draft.open_enrolment
    course.rules = rules_by_ids(draft.rule_ids)


def create_course(actor, draft: CourseDraft) -> Course:
    """A new, active course in the catalogue.

    :raise ValidationFailed: the settings' problems, an unknown or departed trainer, or the code is taken.
    """
    errors, trainer = _problems(draft, None)
    if errors:
        raise ValidationFailed(errors)
    course = Course(active=True)
    _apply(course, draft, trainer)
    db.session.add(course)
    db.session.flush()
    audit.record(actor, "training.course_create", course, None, course_snapshot(course))
    return course


def update_course(actor, course: Course, draft: CourseDraft, expected_version: int | None) -> Course:
    """Change a course's settings and linked rules (its sessions, attempts and certificates keep what they
    recorded when they were made).

    :raise StaleRecord: it changed since the page was loaded.
    :raise ValidationFailed: the settings' problems, an unknown or departed trainer, or the code is taken.
    """
    check_version(course, expected_version)
    errors, trainer = _problems(draft, course.id)
    if errors:
        raise ValidationFailed(errors)
    before = course_snapshot(course)
    _apply(course, draft, trainer)
    if sorted(before["rules"]) != sorted(r.code for r in course.rules):
        course.updated_at = utcnow()  # the links live in another table: this makes the version move too
    db.session.flush()
    changed_before, changed_after = audit.changed_only(before, course_snapshot(course))
    if changed_after:
        audit.record(actor, "training.course_update", course, changed_before, changed_after)
    return course


def set_course_active(actor, course: Course, active: bool, expected_version: int | None) -> None:
    """Take a course out of use (no new sessions; staff no longer see it; its records stay) or put it back.

    :raise StaleRecord: it changed since the page was loaded.
    """
    check_version(course, expected_version)
    if course.active == active:
        return
    course.active = active
    db.session.flush()
    audit.record(actor, "training.course_reactivate" if active else "training.course_deactivate", course,
                 {"active": not active}, {"active": active})


def _already_required(position: Position, course: Course) -> bool:
    return db.session.scalar(sa.select(PositionCourse.id).where(
        PositionCourse.position_id == position.id, PositionCourse.course_id == course.id)) is not None


def add_required(actor, course: Course, position_id: int | None, kind: str, due_days: int | None) -> PositionCourse:
    """`position_id` now requires `course` (assigned on hire or transfer into it, due `due_days` later).

    :raise ValidationFailed: no such position, an unknown kind, days out of range, or already required.
    """
    errors: dict[str, list] = {}
    position = db.session.get(Position, position_id) if position_id else None
    if position is None:
        errors["position_id"] = [MESSAGES["position"]]
    if kind not in RequiredTrainingKind._value2member_map_:
        errors["kind"] = [MESSAGES["kind"]]
    if due_days_problem(due_days):
        errors["due_days"] = [MESSAGES["due_days"]]
    if position is not None and _already_required(position, course):
        errors["position_id"] = [DUPLICATE_POSITION]
    if errors:
        raise ValidationFailed(errors)
    row = PositionCourse(position=position, course_id=course.id, kind=RequiredTrainingKind(kind), due_days=due_days)
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "training.required_add", row, None, _required_snapshot(row, course),
                 label=f"{position.code} {course.code}")
    return row


def _required_snapshot(row: PositionCourse, course: Course) -> dict:
    return {"position": row.position.code, "course": course.code, "kind": row.kind.value, "due_days": row.due_days}


def remove_required(actor, course: Course, row_id: int) -> None:
    """The position no longer requires the course (inductions already assigned stay).

    :raise RequiredTrainingGone: the row was already removed (or belongs to another course).
    """
    row = db.session.get(PositionCourse, row_id)
    if row is None or row.course_id != course.id:
        raise RequiredTrainingGone(row_id)
    audit.record(actor, "training.required_remove", row, _required_snapshot(row, course), None,
                 label=f"{row.position.code} {course.code}")
    db.session.delete(row)
    db.session.flush()
