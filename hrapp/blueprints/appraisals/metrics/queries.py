"""What the KPI page and other parts read: the cycle's KPI codes with how many people have a value, the imports
so far, the metric items' coverage, and the raw counts behind one appraisal's metric values."""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    CriterionKind,
    KpiImport,
    KpiValue,
    Metric,
)

from . import compute


@dataclass(frozen=True)
class KpiCode:
    """A KPI code the cycle's items read: how many people's appraisals read it, how many have a value."""

    code: str
    people: int
    with_value: int


def kpi_codes(cycle: AppraisalCycle) -> list[KpiCode]:
    """The imported KPI codes of the cycle's appraisals (two aggregate queries)."""
    readers = dict(db.session.execute(
        sa.select(AppraisalItem.kpi_code, sa.func.count(sa.distinct(Appraisal.staff_id)))
        .join(Appraisal, Appraisal.id == AppraisalItem.appraisal_id)
        .where(Appraisal.cycle_id == cycle.id, Appraisal.staff_id.is_not(None),
               AppraisalItem.kind == CriterionKind.IMPORTED, AppraisalItem.kpi_code != "")
        .group_by(AppraisalItem.kpi_code)).all())
    values = dict(db.session.execute(
        sa.select(KpiValue.kpi_code, sa.func.count()).where(KpiValue.cycle_id == cycle.id)
        .group_by(KpiValue.kpi_code)).all())
    return [KpiCode(code, people, values.get(code, 0)) for code, people in sorted(readers.items())]


def metric_coverage(cycle: AppraisalCycle) -> list[tuple[Metric, int, int]]:
    """(metric, items reading it, items with a value) over the cycle's appraisals."""
    rows = db.session.execute(
        sa.select(AppraisalItem.metric, sa.func.count(), sa.func.count(AppraisalItem.value))
        .join(Appraisal, Appraisal.id == AppraisalItem.appraisal_id)
        .where(Appraisal.cycle_id == cycle.id, AppraisalItem.kind == CriterionKind.METRIC,
               AppraisalItem.metric.is_not(None))
        .group_by(AppraisalItem.metric)).all()
    return sorted(((Metric(m), n, valued) for m, n, valued in rows), key=lambda row: list(Metric).index(row[0]))


def imports_of(cycle: AppraisalCycle, limit: int = 50) -> list[KpiImport]:
    """The cycle's latest imports, newest first, with who imported them."""
    return list(db.session.scalars(
        sa.select(KpiImport).options(joinedload(KpiImport.imported_by)).where(KpiImport.cycle_id == cycle.id)
        .order_by(KpiImport.imported_at.desc(), KpiImport.id.desc()).limit(limit)))


@dataclass(frozen=True)
class MetricLine:
    """One metric item of an appraisal with the raw counts behind its value (name -> count) for display."""

    item: AppraisalItem
    value: Decimal | None
    counts: dict


def _counts(metric: Metric, b: compute.Breakdown) -> dict:
    match metric:
        case Metric.ATTENDANCE_RATE:
            return {"attended": b.attended, "absent": b.absent, "missing_punch": b.missing_punch, "leave": b.leave}
        case Metric.LATE_COUNT | Metric.LATE_MINUTES:
            return {"late_days": b.late_days, "late_minutes": b.late_minutes}
        case Metric.ABSENCES:
            return {"absent": b.absent}
        case Metric.CONDUCT_POINTS | Metric.FINES:
            return {"violations": b.violations, "points": b.points, "fines": b.fines}
        case Metric.REWARDS:
            return {"rewards": b.rewards}
        case Metric.TRAINING_HOURS:
            return {"sessions_present": b.sessions_present, "training_hours": b.training_hours}
        case Metric.TRAINING_SCORE:
            return {"passed_attempts": len(b.passed_attempts)}
    return {"certificates_overdue": b.certificates_overdue}


def metric_breakdown(appraisal: Appraisal) -> list[MetricLine]:
    """The appraisal's system-metric items, each with the value the records give now and the counts behind it
    (computed for this one person over the cycle's period; what the item stores is `item.value`)."""
    items = [i for i in appraisal.items if i.kind == CriterionKind.METRIC and i.metric is not None]
    if not items or appraisal.staff_id is None:
        return []
    cycle = appraisal.cycle
    found = compute.breakdowns(cycle.first_on, cycle.last_on, sa.select(sa.literal(appraisal.staff_id)),
                               {i.metric for i in items})
    b = found.get(appraisal.staff_id, compute.Breakdown())
    return [MetricLine(i, b.value(i.metric), _counts(i.metric, b)) for i in items]
