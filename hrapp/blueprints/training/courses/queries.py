"""What the course pages and the API read: the catalogue in scope (search, filters, pages), the penalty rules a
course may be linked to, the positions a course is required by, each position's required courses. Reads only."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from hrapp.blueprints.conduct.catalogue.wording import rule_title as version_title
from hrapp.blueprints.training.access import can_manage_training
from hrapp.core.listing import Filter, Listing, like_escape, yes_no
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    Course,
    CourseCategory,
    Department,
    Position,
    PositionCourse,
    RuleCategory,
    course_rules,
)
from hrapp.naming import english_ui

from .rules import default_rule_codes


def _search(query: sa.Select, text: str) -> sa.Select:
    like = f"%{like_escape(text)}%"
    return query.where(sa.or_(Course.code.ilike(like, escape="\\"), Course.title.ilike(like, escape="\\"),
                              Course.title_en.ilike(like, escape="\\")))


COURSES = Listing(
    sorts={"code": Course.code, "title": Course.title, "category": Course.category, "hours": Course.hours},
    default_sort="code",
    tiebreak=(Course.id,),
    filters=(
        Filter("q", _search),
        Filter("category", lambda q, v: q.where(Course.category == v), CourseCategory, max_length=24),
        Filter("active", lambda q, v: q.where(Course.active.is_(v)), yes_no, max_length=3),
    ),
)


def courses_query(user) -> sa.Select:
    """The courses `user` may see: HR every course, everyone else the active ones (with trainers loaded)."""
    query = sa.select(Course).options(joinedload(Course.trainer), selectinload(Course.rules))
    return query if can_manage_training(user) else query.where(Course.active.is_(True))


def penalty_rules(keep_ids: tuple[int, ...] = ()) -> list[tuple[ConductRule, str]]:
    """(rule, current title) of every active penalty rule, in catalogue order, plus the rules in `keep_ids`
    even when no longer active (so editing a course does not drop a link silently)."""
    rules = db.session.scalars(
        sa.select(ConductRule).options(selectinload(ConductRule.versions))
        .where(ConductRule.category == RuleCategory.PENALTY,
               sa.or_(ConductRule.active.is_(True), ConductRule.id.in_(keep_ids or (-1,))))
        .order_by(ConductRule.sort_order, ConductRule.id))
    return [(r, rule_title(r)) for r in rules]


def rule_title(rule: ConductRule) -> str:
    """The rule's current version's title in the UI language ("" without a version)."""
    return version_title(rule.current) if rule.current else ""


def linked_rule_titles(course_id: int) -> list[tuple[str, str]]:
    """(code, title in force, in the UI language) of the conduct rules linked to a course, in the catalogue's
    order."""
    latest = (sa.select(ConductRuleVersion.rule_id, sa.func.max(ConductRuleVersion.number).label("number"))
              .group_by(ConductRuleVersion.rule_id).subquery())
    rows = db.session.execute(
        sa.select(ConductRule.code, ConductRuleVersion.title_zh, ConductRuleVersion.title_en)
        .join(course_rules, course_rules.c.rule_id == ConductRule.id)
        .join(latest, latest.c.rule_id == ConductRule.id)
        .join(ConductRuleVersion, sa.and_(ConductRuleVersion.rule_id == ConductRule.id,
                                          ConductRuleVersion.number == latest.c.number))
        .where(course_rules.c.course_id == course_id)
        .order_by(ConductRule.sort_order, ConductRule.code)).all()
    english = english_ui()
    return [(code, english and title_en or title_zh) for code, title_zh, title_en in rows]


def default_rule_ids(category: str) -> list[int]:
    """The ids of the active penalty rules a new course of `category` pre-selects (missing codes ignored)."""
    codes = default_rule_codes(category)
    if not codes:
        return []
    return list(db.session.scalars(sa.select(ConductRule.id).where(
        ConductRule.code.in_(codes), ConductRule.category == RuleCategory.PENALTY, ConductRule.active.is_(True))))


def rules_by_ids(ids) -> list[ConductRule]:
    """The penalty rules with these ids (unknown ids dropped)."""
    if not ids:
        return []
    return list(db.session.scalars(sa.select(ConductRule).where(ConductRule.id.in_(list(ids)),
                                                                ConductRule.category == RuleCategory.PENALTY)))


def required_by(course: Course) -> list[PositionCourse]:
    """The positions requiring `course`, by department and position code."""
    return list(db.session.scalars(
        sa.select(PositionCourse).join(PositionCourse.position).join(Position.department)
        .options(joinedload(PositionCourse.position).joinedload(Position.department))
        .where(PositionCourse.course_id == course.id).order_by(Department.code, Position.code)))


def required_courses(position_id: int) -> list[PositionCourse]:
    """The courses `position_id` requires (its job description's required training), induction first, then by
    course code; each row carries `kind` and `due_days` (the induction part assigns from these)."""
    kinds = {"induction": 0, "pre_post": 1, "general": 2}
    rows = db.session.scalars(
        sa.select(PositionCourse).join(PositionCourse.course).options(joinedload(PositionCourse.course))
        .where(PositionCourse.position_id == position_id).order_by(Course.code))
    return sorted(rows, key=lambda row: kinds.get(row.kind.value, 9))


def position_choices() -> dict[str, list[tuple[int, str]]]:
    """Positions grouped by department ("code name" -> [(id, "code name")]), for a grouped select."""
    rows = db.session.execute(sa.select(Position, Department).join(Position.department)
                              .order_by(Department.code, Position.code)).all()
    grouped: dict[str, list[tuple[int, str]]] = {}
    for position, department in rows:
        grouped.setdefault(f"{department.code} {department.name}", []).append(
            (position.id, f"{position.code} {position.name}"))
    return grouped
