"""The conduct benchmarks' database: the seeded 5,000-staff company plus a year of violations (~60,000), made once
per run with bulk inserts (no workflow: the rows look as the workflow leaves them). Not a benchmark itself."""
import random
from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask import Flask

from bench.env import BenchContext
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    RuleCategory,
    StaffMember,
    User,
    Violation,
    ViolationState,
)

STAFF = 5000
VIOLATIONS = 60_000
YEAR = 2026
MONTH = "2026-05"  # the month the list and close benchmarks look at
CHUNK = 5000
_DONE_KEY = "bench.conduct_year"
# Mostly final; some still moving.
STATES = ([ViolationState.FINAL] * 14 + [ViolationState.ACKNOWLEDGED, ViolationState.SUBMITTED,
                                          ViolationState.APPEALED, ViolationState.VOID, ViolationState.DRAFT])


def _amount(version: ConductRuleVersion, rng: random.Random) -> Decimal:
    if version.min_amount is not None and version.max_amount is not None:
        return Decimal(rng.randint(int(version.min_amount), int(version.max_amount))).quantize(Decimal("0.01"))
    if version.min_amount is not None:
        return version.min_amount
    return Decimal("30.00")


def conduct_year_app(ctx: BenchContext, staff: int = STAFF, count: int = VIOLATIONS) -> Flask:
    """The seeded company with the standard catalogue and `count` violations spread over YEAR (once per run)."""
    app = ctx.seeded_app(staff)
    if app.extensions.get(_DONE_KEY):
        return app
    rng = random.Random(11)
    with app.app_context():
        seed_catalogue(None)
        db.session.commit()
        versions = db.session.execute(
            sa.select(ConductRuleVersion).join(ConductRule, ConductRule.id == ConductRuleVersion.rule_id)
            .where(ConductRule.category == RuleCategory.PENALTY)).scalars().all()
        people = db.session.execute(sa.select(StaffMember.id, StaffMember.department_id)).all()
        recorders = list(db.session.scalars(sa.select(User.id))) or [None]
        existing = db.session.scalar(sa.select(sa.func.count()).select_from(Violation))
        start = datetime(YEAR, 1, 1)
        rows = []
        for n in range(count):
            version = rng.choice(versions)
            staff_id, department_id = rng.choice(people)
            occurred = start + timedelta(minutes=rng.randrange(365 * 24 * 60))
            rows.append({
                "number": f"B{YEAR}-{existing + n + 1:06d}", "staff_id": staff_id, "department_id": department_id,
                "rule_id": version.rule_id, "rule_version_id": version.id, "occurred_at": occurred,
                "amount": _amount(version, rng), "points": version.points or Decimal("0"),
                "ledger_month": occurred.strftime("%Y-%m"), "state": rng.choice(STATES).value,
                "recorded_by_id": rng.choice(recorders), "description": "bench", "created_at": occurred,
                "updated_at": occurred})
            if len(rows) == CHUNK:
                db.session.execute(sa.insert(Violation), rows)
                rows = []
        if rows:
            db.session.execute(sa.insert(Violation), rows)
        db.session.commit()
    app.extensions[_DONE_KEY] = True
    return app


BENCHES: list = []
