"""Filling the cycle's measured items: the system metrics (refresh_metrics) and imported KPI values
(import_kpis, apply_kpis). Each item's value is scored by its bands (rules.band_score) and the appraisal's totals
refreshed (totals.refresh_totals). Published results are never changed. Never commits; the actor is passed in.
"""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from hrapp import audit
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    CriterionKind,
    CycleStage,
    KpiImport,
    KpiSource,
    KpiValue,
    utcnow,
)

from . import bulk, compute
from .kpi_rows import KpiEntry, RowError, check_entries

# Stages in which measured values may still change (before the results are published).
OPEN_STAGES = frozenset({CycleStage.SETUP, CycleStage.SELF_ASSESSMENT, CycleStage.HEAD_SCORING,
                         CycleStage.CALIBRATION})


class MetricsRefused(Exception):
    """The cycle's values can no longer change (`code`: "published")."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class KpiImportRefused(Exception):
    """An import refused as a whole: `errors` lists each bad row's problems; nothing was stored."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def measurable(cycle: AppraisalCycle) -> bool:
    """Whether the cycle's metrics and imported values may still change (before publishing)."""
    return cycle.stage in OPEN_STAGES


def _check_open(cycle: AppraisalCycle) -> None:
    if not measurable(cycle):
        raise MetricsRefused("published")


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh changed."""

    appraisals: int  # appraisals whose values changed
    items: int  # items whose value changed


def refresh_metrics(cycle: AppraisalCycle, actor) -> RefreshResult:
    """Compute every system metric the cycle's open appraisals read (attendance, conduct, training over the cycle's
    local days), set each METRIC item's value and score, apply the imported KPI values stored for the cycle, and
    refresh the totals of the appraisals that changed; stamp `cycle.metrics_at`.

    :raise MetricsRefused: the cycle's results are published.
    """
    _check_open(cycle)
    wanted = set(db.session.scalars(
        sa.select(AppraisalItem.metric).distinct().join(Appraisal, Appraisal.id == AppraisalItem.appraisal_id)
        .where(Appraisal.cycle_id == cycle.id, AppraisalItem.kind == CriterionKind.METRIC,
               AppraisalItem.metric.is_not(None))))
    people = sa.select(Appraisal.staff_id).where(Appraisal.cycle_id == cycle.id, Appraisal.staff_id.is_not(None))
    found = compute.breakdowns(cycle.first_on, cycle.last_on, people, wanted) if wanted else {}
    imported = _stored_values(cycle)

    def value_of(staff_id: int, item):
        if item.kind == CriterionKind.METRIC:
            return compute.value_of(found, staff_id, item.metric) if item.metric is not None else bulk.KEEP
        return imported.get((staff_id, item.kpi_code)) if item.kpi_code else bulk.KEEP

    written = bulk.write_values(cycle, value_of)
    cycle.metrics_at = utcnow()
    db.session.flush()
    audit.record(actor, "appraisal.refresh_metrics", cycle, after={"appraisals": written.appraisals,
                                                                   "items": written.items}, label=cycle.name)
    return RefreshResult(written.appraisals, written.items)


def _stored_values(cycle: AppraisalCycle, staff_ids=None) -> dict[tuple[int, str], Decimal]:
    query = sa.select(KpiValue.staff_id, KpiValue.kpi_code, KpiValue.value).where(KpiValue.cycle_id == cycle.id)
    if staff_ids is not None:
        query = query.where(KpiValue.staff_id.in_(staff_ids))
    return {(staff_id, code): value for staff_id, code, value in db.session.execute(query)}


def apply_kpis(cycle: AppraisalCycle, staff_ids) -> int:
    """Set the IMPORTED items of `staff_ids`' open appraisals from the values stored for the cycle and refresh
    their totals; returns how many items changed."""
    staff_ids = list(staff_ids)
    values = _stored_values(cycle, staff_ids)
    written = bulk.write_values(
        cycle, lambda staff_id, item: values.get((staff_id, item.kpi_code)) if item.kpi_code else bulk.KEEP,
        kinds=(CriterionKind.IMPORTED,), staff_ids=staff_ids)
    return written.items


def scoped_key(actor, cycle: AppraisalCycle, key: str) -> str:
    """The Idempotency-Key as stored: per caller and cycle (two callers, or one caller's two cycles, may use the
    same key without meeting each other's imports)."""
    return f"{getattr(actor, 'id', 0)}:{cycle.id}:{key}"[:80]


def kpi_import_by_key(key: str) -> KpiImport | None:
    """The import made earlier with this stored key (scoped_key)."""
    return db.session.scalar(sa.select(KpiImport).where(KpiImport.idempotency_key == key))


def import_kpis(cycle: AppraisalCycle, entries: list[KpiEntry], actor, source: KpiSource, filename: str = "",
                idempotency_key: str | None = None) -> KpiImport:
    """Store imported KPI values all or nothing: every row checked first (check_entries), then each person's value
    of each code upserted (a later import replaces it), the import recorded, and the values applied to the items.

    :raise MetricsRefused: the cycle's results are published.
    :raise KpiImportRefused: some rows are wrong; nothing is stored.
    """
    _check_open(cycle)
    accepted, errors = check_entries(cycle, entries)
    if errors:
        raise KpiImportRefused(errors)
    record = KpiImport(cycle_id=cycle.id, source=source, filename=filename[:255], row_count=len(accepted),
                       idempotency_key=idempotency_key, imported_by_id=getattr(actor, "id", None))
    db.session.add(record)
    db.session.flush()
    existing = {(v.staff_id, v.kpi_code): v for v in db.session.scalars(
        sa.select(KpiValue).where(KpiValue.cycle_id == cycle.id,
                                  KpiValue.staff_id.in_({staff_id for staff_id, _c, _v in accepted})))}
    for staff_id, code, value in accepted:
        row = existing.get((staff_id, code))
        if row is None:
            db.session.add(KpiValue(cycle_id=cycle.id, staff_id=staff_id, kpi_code=code, value=value,
                                    import_id=record.id))
        else:
            row.value, row.import_id, row.updated_at = value, record.id, utcnow()
    db.session.flush()
    changed = apply_kpis(cycle, {staff_id for staff_id, _c, _v in accepted})
    db.session.flush()
    audit.record(actor, "appraisal.import_kpis", record, after={"source": source.value, "rows": len(accepted),
                                                               "items": changed, "filename": filename},
                 label=cycle.name)
    return record
