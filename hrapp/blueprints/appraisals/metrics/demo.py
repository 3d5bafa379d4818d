"""The metrics part's steps of the appraisal demo (sequenced by appraisals/demo.py on a cycle already in the right
stage): `demo_kpis` imports KPI values for everyone whose items read them, `demo_metrics` computes the system
metrics. Deterministic with the given random source; idempotent (values already imported are left alone)."""
import random
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AppraisalCycle, KpiSource, KpiValue, StaffMember

from . import services
from .kpi_rows import KpiEntry, cycle_kpi_codes

# code -> (lowest, highest, decimal places) of the demo's values.
RANGES = {
    "csat": (Decimal("3.8"), Decimal("4.9"), 2),
    "order_completion": (Decimal("85"), Decimal("100"), 1),
    "calls_per_day": (Decimal("3"), Decimal("8"), 1),
    "sales": (Decimal("20000"), Decimal("120000"), 0),
}
OTHER = (Decimal("50"), Decimal("100"), 1)


def _value(rng: random.Random, code: str) -> Decimal:
    low, high, places = RANGES.get(code, OTHER)
    step = Decimal(1).scaleb(-places)
    steps = int((high - low) / step)
    return low + step * rng.randint(0, steps)


def demo_kpis(cycle: AppraisalCycle, actor, rng: random.Random):
    """Import a value of each KPI code for each person whose appraisal reads it and has none yet; the import
    (None when nothing was missing)."""
    codes = cycle_kpi_codes(cycle)
    have = {(staff_id, code) for staff_id, code in db.session.execute(
        sa.select(KpiValue.staff_id, KpiValue.kpi_code).where(KpiValue.cycle_id == cycle.id))}
    numbers = dict(db.session.execute(sa.select(StaffMember.id, StaffMember.staff_number)
                                      .where(StaffMember.id.in_(list(codes)))).all()) if codes else {}
    entries = []
    for staff_id in sorted(codes):
        for code in sorted(codes[staff_id]):
            if (staff_id, code) not in have:
                entries.append(KpiEntry(len(entries) + 1, numbers[staff_id], code, _value(rng, code)))
    if not entries:
        return None
    return services.import_kpis(cycle, entries, actor, KpiSource.WEB, filename="demo")


def demo_metrics(cycle: AppraisalCycle, actor) -> services.RefreshResult:
    """Compute the cycle's system metrics (before its results are published)."""
    return services.refresh_metrics(cycle, actor)
