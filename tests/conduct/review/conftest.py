"""The review's scene: `org` plus a head of housekeeping, a second HR clerk, a range rule (50–800) and submitted
violations of the front-desk clerk recorded by the FO head (who is also the general manager of FO)."""
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.conduct.review.services.common import company_day
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    Measure,
    Notification,
    PeriodClose,
    PeriodKind,
    Role,
    RuleKind,
    Violation,
    ViolationState,
    utcnow,
)
from tests.access_matrix import login


class Scene:
    """The people, the rule and a maker of violations in a given state."""


@pytest.fixture
def scene(app, org, make_user, make_rule, make_violation):
    s = Scene()
    s.org = org
    s.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    s.hr2 = make_user(Role.HR, "hr2")
    s.rule = make_rule("2-9", RuleKind.FINE_RANGE, min_amount=Decimal("50.00"), max_amount=Decimal("800.00"))
    s.today = company_day(utcnow())

    def violation(state=ViolationState.SUBMITTED, staff=None, amount=Decimal("100.00"), respond_by=None,
                  measure=Measure.NONE, **kw) -> Violation:
        return make_violation(staff or org.desk_staff, s.rule, state=state, amount=amount,
                              recorded_by=kw.pop("recorded_by", org.head), submitted_at=utcnow(),
                              respond_by=respond_by or s.today, measure=measure, **kw)

    s.violation = violation
    return s


def login_as(app, username: str):
    """A client logged in through the login form."""
    return login(app, username)


def steps_of(violation: Violation) -> list[str]:
    """The audited workflow steps of a violation, oldest first."""
    return list(db.session.scalars(sa.select(AuditEntry.action).where(
        AuditEntry.target_type == "Violation", AuditEntry.target_id == violation.id,
        AuditEntry.action.like("violation.%")).order_by(AuditEntry.id)))


def notices(user, kind: str) -> list[str]:
    """The texts of `user`'s notifications of `kind`."""
    return list(db.session.scalars(sa.select(Notification.text).where(
        Notification.user_id == user.id, Notification.kind == kind).order_by(Notification.id)))


def reload(violation: Violation) -> Violation:
    db.session.expire_all()
    return db.session.get(Violation, violation.id)


def close_month(department, first, last, by=None) -> PeriodClose:
    """Close the conduct period [first, last] for `department`."""
    close = PeriodClose(module="conduct", period_kind=PeriodKind.MONTH, starts_on=first, ends_on=last,
                        department_id=department.id, closed_by_id=getattr(by, "id", None), reason="月结")
    db.session.add(close)
    db.session.commit()
    return close


@pytest.fixture
def yesterday(scene):
    return scene.today - timedelta(days=1)
