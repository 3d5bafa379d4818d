"""seed-demo's leave setup step: this year's entitlements, a company-wide golden-week blackout and one for the
demo head's department."""
from datetime import date
from types import SimpleNamespace

import sqlalchemy as sa

from hrapp.blueprints.leave.setup.demo import seed_demo
from hrapp.extensions import db
from hrapp.models import LeaveBlackout, LeaveEntitlement


def test_the_demo_grants_the_year_and_adds_two_blackouts(setup_org):
    report = SimpleNamespace(users={"hr": setup_org.hr, "head": setup_org.head}, today=date(2026, 12, 2),
                             counts={}, summary=[])
    seed_demo(report)
    blackouts = list(db.session.scalars(sa.select(LeaveBlackout).order_by(LeaveBlackout.starts_on)))
    assert [(b.department_id, b.starts_on) for b in blackouts] == [
        (setup_org.front.id, date(2026, 12, 18)), (None, date(2027, 10, 1))]
    assert db.session.scalar(sa.select(sa.func.count(LeaveEntitlement.id)).where(LeaveEntitlement.year == 2026)) == 3
    assert report.counts == {"leave_entitlements": 3, "leave_blackouts": 2}
