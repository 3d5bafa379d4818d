"""Writing measured values into many appraisals at once: the cycle's items read as plain rows (one query, no ORM
objects), changed values scored by their bands, the totals of the changed appraisals worked out by
totals.refresh_totals on light stand-ins, and everything written back in two executemany UPDATEs. A few
seconds for 5,000 appraisals, where the ORM would take many more. Never commits.

An appraisal whose version moved meanwhile (a head scoring it at that moment) makes the whole write stale
(StaleRecord): nothing is half-written, and running it again gives the right totals.
"""
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

import sqlalchemy as sa

from hrapp.blueprints.appraisals import rules as appraisal_rules
from hrapp.blueprints.appraisals import totals
from hrapp.blueprints.appraisals.access import RESULT_VISIBLE
from hrapp.core.errors import StaleRecord
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalItem, CriterionKind, utcnow

# What an item's value comes from: (staff id, item row) -> the value, or ... to leave the item alone.
ValueOf = Callable[[int, object], object]
KEEP = ...


@dataclass
class _Appraisal:
    """A stand-in with just what totals.refresh_totals reads and sets."""

    id: int
    staff_id: int
    version_id: int
    calibrated: bool
    grade_bands: list
    self_total: Decimal | None
    head_total: Decimal | None
    total: Decimal | None
    grade: object
    items: list = field(default_factory=list)


def _bands(raw, cache: dict) -> list:
    """A JSON list column read as text (SQLite) or already decoded (PostgreSQL's driver decodes json)."""
    if not isinstance(raw, str | None):
        return raw
    if raw not in cache:
        cache[raw] = json.loads(raw) if raw else []
    return cache[raw]


def _load(cycle: AppraisalCycle, staff_ids, kinds) -> list[_Appraisal]:
    query = (sa.select(Appraisal.id, Appraisal.staff_id, Appraisal.version_id, Appraisal.calibrated,
                       sa.type_coerce(Appraisal.grade_bands, sa.Text).label("grade_bands"), Appraisal.self_total,
                       Appraisal.head_total, Appraisal.total, Appraisal.grade)
             .where(Appraisal.cycle_id == cycle.id, Appraisal.staff_id.is_not(None),
                    Appraisal.status.not_in(RESULT_VISIBLE)))
    if staff_ids is not None:
        query = query.where(Appraisal.staff_id.in_(staff_ids))
    cache: dict = {}
    by_id = {row.id: _Appraisal(row.id, row.staff_id, row.version_id, row.calibrated, _bands(row.grade_bands, cache),
                                row.self_total, row.head_total, row.total, row.grade)
             for row in db.session.execute(query)}
    if not by_id:
        return []
    ids = sa.select(Appraisal.id).where(Appraisal.cycle_id == cycle.id)
    if staff_ids is not None:
        ids = ids.where(Appraisal.staff_id.in_(staff_ids))
    rows = db.session.execute(
        sa.select(AppraisalItem.id, AppraisalItem.appraisal_id, AppraisalItem.kind, AppraisalItem.weight,
                  sa.type_coerce(AppraisalItem.bands, sa.Text).label("bands"), AppraisalItem.higher_is_better,
                  AppraisalItem.metric, AppraisalItem.kpi_code, AppraisalItem.value, AppraisalItem.value_score,
                  AppraisalItem.self_score, AppraisalItem.self_scored, AppraisalItem.head_score)
        .where(AppraisalItem.appraisal_id.in_(ids)).order_by(AppraisalItem.appraisal_id, AppraisalItem.sort_order))
    for row in rows:
        appraisal = by_id.get(row.appraisal_id)
        if appraisal is not None:
            item = SimpleNamespace(**row._asdict())
            item.bands = _bands(row.bands, cache)
            item.measured = row.kind in kinds
            appraisal.items.append(item)
    return list(by_id.values())


def _scored(item, value) -> tuple[Decimal | None, Decimal | None]:
    if value is None:
        return None, None
    value = Decimal(value)
    score = appraisal_rules.band_score(value, item.bands, item.higher_is_better) if item.bands else None
    return value, score


@dataclass(frozen=True)
class Written:
    """How many appraisals and items a write changed."""

    appraisals: int
    items: int


def write_values(cycle: AppraisalCycle, value_of: ValueOf, kinds=(CriterionKind.METRIC, CriterionKind.IMPORTED),
                 staff_ids=None) -> Written:
    """Set each measured item (of `kinds`) of the cycle's open appraisals (of `staff_ids`, or all) to
    `value_of(staff_id, item)` with its bands' score, refresh the changed appraisals' totals and write them.

    :raise StaleRecord: an appraisal changed meanwhile; nothing was written.
    """
    kinds = frozenset(CriterionKind(k) for k in kinds)
    item_rows, appraisal_rows = [], []
    for appraisal in _load(cycle, staff_ids, kinds):
        touched = False
        for item in appraisal.items:
            if not item.measured:
                continue
            wanted = value_of(appraisal.staff_id, item)
            if wanted is KEEP:
                continue
            value, score = _scored(item, wanted)
            if item.value == value and item.value_score == score and (item.value is None) == (value is None):
                continue
            item.value, item.value_score, touched = value, score, True
            item_rows.append({"item_id": item.id, "new_value": value, "new_score": score})
        if touched:
            totals.refresh_totals(appraisal)
            appraisal_rows.append({"appraisal_id": appraisal.id, "seen_version": appraisal.version_id,
                                   "new_self": appraisal.self_total, "new_head": appraisal.head_total,
                                   "new_total": appraisal.total,
                                   "new_grade": appraisal.grade})
    _write(item_rows, appraisal_rows)
    return Written(len(appraisal_rows), len(item_rows))


def _write(item_rows: list[dict], appraisal_rows: list[dict]) -> None:
    db.session.flush()
    items, appraisals = AppraisalItem.__table__, Appraisal.__table__
    if appraisal_rows:
        result = db.session.execute(
            appraisals.update()
            .where(appraisals.c.id == sa.bindparam("appraisal_id"),
                   appraisals.c.version_id == sa.bindparam("seen_version"))
            .values(self_total=sa.bindparam("new_self"), head_total=sa.bindparam("new_head"),
                    total=sa.bindparam("new_total"), grade=sa.bindparam("new_grade"),
                    version_id=appraisals.c.version_id + 1, updated_at=utcnow()),
            appraisal_rows)
        if result.rowcount not in (-1, len(appraisal_rows)):
            raise StaleRecord()
    if item_rows:
        db.session.execute(items.update().where(items.c.id == sa.bindparam("item_id"))
                           .values(value=sa.bindparam("new_value"), value_score=sa.bindparam("new_score")),
                           item_rows)
    db.session.expire_all()  # the session's copies of the appraisals and items are out of date now
