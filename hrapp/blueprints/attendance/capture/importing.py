"""An imported file from preview to confirmation: what it would store, what blocks it, storing it all or nothing.

Services never commit; the actor is passed in.
"""
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.attendance.punch_store import StoreResult, punch_refusal, staff_ids_for
from hrapp.company import company_settings
from hrapp.core.localtime import to_zone
from hrapp.extensions import db
from hrapp.models import PeriodClose, StaffMember
from hrapp.models.base import utcnow
from hrapp.period_close import period_closed

from .file_import import ParsedFile
from .rules import CLOSED_MONTH, LineError
from .services import store_parsed


@dataclass
class ImportPreview:
    """The lines that cannot be stored (unreadable, future, outside employment) and the ids nobody has."""

    readable: int = 0
    errors: list[LineError] = field(default_factory=list)
    unknown: dict[str, int] = field(default_factory=dict)  # clock id -> punches in the file

    def can_confirm(self, keep_unmapped: bool) -> bool:
        """Confirmable: no line in error, and every id known unless HR chose to keep them unmapped."""
        return self.readable > 0 and not self.errors and (keep_unmapped or not self.unknown)


def preview(parsed: ParsedFile) -> ImportPreview:
    """What storing `parsed` would refuse, and its ids that map to no one (three queries)."""
    result = ImportPreview(readable=len(parsed.punches), errors=list(parsed.errors))
    mapping = staff_ids_for(p.clock_id for p in parsed.punches)
    employment = {s: (h, left, dept) for s, h, left, dept in db.session.execute(
        sa.select(StaffMember.id, StaffMember.hire_on, StaffMember.left_on, StaffMember.department_id)
        .where(StaffMember.id.in_(set(mapping.values()))))} if mapping else {}
    zone, now = company_settings().timezone, utcnow()
    days = {p: to_zone(p.punched_at, zone).date() for p in parsed.punches}
    closed = _closed_months(min(days.values()), max(days.values())) if days else []
    unknown: Counter[str] = Counter()
    for punch in parsed.punches:
        staff_id = mapping.get(punch.clock_id)
        if staff_id is None:
            unknown[punch.clock_id] += 1
        hire_on, left_on, department_id = employment.get(staff_id, (None, None, None))
        refusal = punch_refusal(punch.punched_at, now, days[punch], hire_on, left_on)
        if refusal is None and any(d == department_id and a <= days[punch] <= b for d, a, b in closed):
            refusal = CLOSED_MONTH
        if refusal:
            result.errors.append(LineError(punch.line, refusal, punch.raw))
    result.errors.sort(key=lambda e: e.line)
    result.unknown = dict(sorted(unknown.items()))
    return result


def _closed_months(first, last) -> list[tuple[int, object, object]]:
    """(department id, first, last day) of the closed attendance months overlapping [first, last] (one query)."""
    return [tuple(row) for row in db.session.execute(
        sa.select(PeriodClose.department_id, PeriodClose.starts_on, PeriodClose.ends_on)
        .where(period_closed("attendance", first, last)))]


class ImportBlocked(ValueError):
    """The file changed meaning since the preview (a line now refused, an id now unknown): nothing stored."""


def confirm_import(parsed: ParsedFile, actor, keep_unmapped: bool, filename: str,
                   device_id: int | None = None) -> StoreResult:
    """Store every punch of `parsed`, or none: refused when a line is in error or an id is unknown (unless
    `keep_unmapped`). The caller commits, or rolls back on ImportBlocked.

    :raise ImportBlocked: the preview no longer allows it, or the store refused a punch.
    """
    if not preview(parsed).can_confirm(keep_unmapped):
        raise ImportBlocked()
    result = store_parsed(parsed.punches, actor, device_id, filename)
    if result.refused:
        raise ImportBlocked()
    audit.record(actor, "attendance.punches_imported", PunchImport(), after={
        "filename": filename, "stored": result.stored, "duplicates": result.duplicates}, label=filename)
    return result


class PunchImport:
    """The target of an import's audit row (it has no table of its own)."""

    id = None
