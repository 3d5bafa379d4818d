"""What the violation pages and the API read: the lists (scoped, filtered, paged in a fixed number of
statements), the people a user may record for, the rules they may record under."""
import re

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.blueprints.conduct.access import STAFF_VISIBLE_STATES, recordable_departments_clause, violation_scope
from hrapp.blueprints.conduct.catalogue.queries import offered_rules
from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.core.urls import in_db_range
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    Department,
    RuleCategory,
    StaffMember,
    Violation,
    ViolationState,
)

MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
MAX_CHOICES = 50


def month(value: str) -> str:
    """A YYYY-MM month; ValueError otherwise."""
    if not MONTH_RE.match(value):
        raise ValueError(value)
    return value


def record_id(value: str) -> int:
    """A positive id within the database's integer range; ValueError otherwise."""
    number = positive_int(value)
    if not in_db_range(number):
        raise ValueError(value)
    return number


def state(value: str) -> ViolationState:
    """A violation state by its stored value; ValueError otherwise."""
    return ViolationState(value)


def in_department_tree(query: sa.Select, department_id: int) -> sa.Select:
    """Violations of the department `department_id` and the departments below it."""
    path = sa.select(Department.path).where(Department.id == department_id).scalar_subquery()
    return query.where(Violation.department_id.in_(sa.select(Department.id).where(Department.path.startswith(path))))


def person_matches(query: sa.Select, text: str) -> sa.Select:
    """Violations of people whose name or staff number contains `text`."""
    pattern = f"%{like_escape(text)}%"
    return query.where(Violation.staff_id.in_(sa.select(StaffMember.id).where(sa.or_(
        StaffMember.name_zh.like(pattern, escape="\\"), StaffMember.staff_number.like(pattern, escape="\\")))))


STAFF_NUMBER = (sa.select(StaffMember.staff_number).where(StaffMember.id == Violation.staff_id)
                .correlate(Violation).scalar_subquery())


VIOLATION_LISTING = Listing(
    sorts={"occurred": Violation.occurred_at, "number": Violation.number, "amount": Violation.amount,
           "person": STAFF_NUMBER},
    default_sort="-occurred",
    tiebreak=(Violation.id.desc(),),
    filters=(
        Filter("department", in_department_tree, record_id, max_length=20),
        Filter("rule", lambda q, v: q.where(Violation.rule_id == v), record_id, max_length=20),
        Filter("month", lambda q, v: q.where(Violation.ledger_month == v), month, max_length=7),
        Filter("state", lambda q, v: q.where(Violation.state == v), state, max_length=20),
        Filter("q", person_matches),
    ),
)


def violations_select() -> sa.Select:
    """Violations with their person, department, rule and rule version, loaded in the same statement (eager
    joins only: a page's count and its filters read the violations table alone)."""
    return sa.select(Violation).options(
        joinedload(Violation.staff, innerjoin=True).load_only(
            StaffMember.staff_number, StaffMember.name_zh, StaffMember.name_en, StaffMember.department_id),
        joinedload(Violation.department, innerjoin=True).load_only(
            Department.code, Department.name, Department.name_en, Department.path),
        joinedload(Violation.rule, innerjoin=True).load_only(ConductRule.code),
        joinedload(Violation.rule_version, innerjoin=True).load_only(
            ConductRuleVersion.number, ConductRuleVersion.title_zh, ConductRuleVersion.title_en))


def visible_violations(user) -> sa.Select:
    """Every violation `user` may see (HR: all; heads: their departments'; staff: their own once submitted)."""
    return violations_select().where(violation_scope(user))


def own_violations(user) -> sa.Select:
    """The user's own violations from submitted on."""
    return violations_select().where(Violation.staff_id == user.staff_id,
                                     Violation.state.in_(STAFF_VISIBLE_STATES))


def proposals(user) -> sa.Select:
    """The proposals from other modules `user` may confirm or dismiss (within what they see)."""
    return visible_violations(user).where(Violation.state == ViolationState.PROPOSED)


def recordable_staff(user, text: str = "", limit: int = MAX_CHOICES) -> list[StaffMember]:
    """Up to `limit` people of the departments `user` records for (never themselves), matching `text` by name
    or staff number; a fellow head is refused when the form is sent (access.can_record_for)."""
    query = (sa.select(StaffMember).join(Department, Department.id == StaffMember.department_id)
             .where(recordable_departments_clause(user)).order_by(StaffMember.staff_number).limit(limit))
    if getattr(user, "staff_id", None):
        query = query.where(StaffMember.id != user.staff_id)
    if text.strip():
        pattern = f"%{like_escape(text.strip()[:64])}%"
        query = query.where(sa.or_(StaffMember.name_zh.like(pattern, escape="\\"),
                                   StaffMember.staff_number.like(pattern, escape="\\")))
    return list(db.session.scalars(query))




def active_rules() -> list[tuple[ConductRule, ConductRuleVersion]]:
    """The active penalty rules with their versions in force, in catalogue order (the catalogue's offer)."""
    return offered_rules(RuleCategory.PENALTY)


def rule_by_code(code: str) -> ConductRule | None:
    """The catalogue rule with this code, or None."""
    code = (code or "").strip()
    return db.session.scalar(sa.select(ConductRule).where(ConductRule.code == code)) if code else None


def rule_choices() -> list[tuple[int, str]]:
    """(id, "code title") of every penalty rule, active or not, for the list filter (one light statement)."""
    latest = (sa.select(sa.func.max(ConductRuleVersion.number)).where(ConductRuleVersion.rule_id == ConductRule.id)
              .correlate(ConductRule).scalar_subquery())
    rows = db.session.execute(
        sa.select(ConductRule.id, ConductRule.code, ConductRuleVersion.title_zh)
        .join(ConductRuleVersion, ConductRuleVersion.rule_id == ConductRule.id)
        .where(ConductRule.category == RuleCategory.PENALTY, ConductRuleVersion.number == latest)
        .order_by(ConductRule.sort_order, ConductRule.code))
    return [(rule_id, f"{code} {title}") for rule_id, code, title in rows]
