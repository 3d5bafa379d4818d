"""A person's conduct history (violations, rewards, measures), each list within the viewer's scope."""
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.blueprints.conduct.access import ConductPerm, reward_scope, violation_scope
from hrapp.blueprints.conduct.rewards.measures import measures_of
from hrapp.extensions import db
from hrapp.models import Department, DisciplinaryMeasure, Position, Reward, StaffMember, Violation
from hrapp.permissions import has_perm, heads_department, is_self, sees_everything


def can_view_history(user, staff: StaffMember) -> bool:
    """HR/admin: anyone; a head: the staff of the departments they head; everyone: themselves."""
    if not getattr(user, "is_active", False) or not has_perm(user, ConductPerm.VIEW):
        return False
    return sees_everything(user) or is_self(user, staff) or (
        has_perm(user, ConductPerm.RECORD) and heads_department(user, staff.department))


@dataclass(frozen=True)
class History:
    violations: list[Violation]
    rewards: list[Reward]
    measures: list[DisciplinaryMeasure]


def person_history(user, staff: StaffMember) -> History:
    """What `user` may see of `staff`'s conduct records (the caller checked `can_view_history`), newest first.
    Violations are read from their table directly (the violations part owns their pages)."""
    violations = db.session.scalars(
        sa.select(Violation).options(joinedload(Violation.rule_version))
        .where(Violation.staff_id == staff.id, violation_scope(user))
        .order_by(Violation.occurred_at.desc(), Violation.id.desc())).all()
    rewards = db.session.scalars(sa.select(Reward).where(Reward.staff_id == staff.id, reward_scope(user))
                                 .order_by(Reward.awarded_on.desc(), Reward.id.desc())).all()
    return History(list(violations), list(rewards), measures_of(staff.id))


def position_choices() -> list[Position]:
    """Every position with its department, in department order (the measure form's choices)."""
    return list(db.session.scalars(sa.select(Position).join(Position.department)
                                   .options(joinedload(Position.department))
                                   .order_by(Department.code, Position.code)))
