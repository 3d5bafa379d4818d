"""The PRC default leave types HR starts from (and edits): codes are stable, names are data.

The first migration of leave wrote the same rows; `ensure_default_types` adds any that are missing (tests, a
database created without migrations).
"""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import LeaveBalanceKind, LeaveType

D = Decimal
DEFAULT_TYPES = (
    # code, name, name_en, paid, balance kind, yearly, max per request, calendar days, half days, needs HR,
    # note after days, ignores blackouts, carry-over cap, carry-over months
    ("annual", "年休假", "Annual leave", True, LeaveBalanceKind.ENTITLEMENT, None, None, False, True, False,
     None, False, D(5), 3),
    ("sick", "病假", "Sick leave", True, LeaveBalanceKind.NONE, None, None, False, True, False,
     D(2), True, D(0), 3),
    ("personal", "事假", "Personal leave", False, LeaveBalanceKind.NONE, None, None, False, True, False,
     None, False, D(0), 3),
    ("marriage", "婚假", "Marriage leave", True, LeaveBalanceKind.NONE, None, D(3), False, False, False,
     None, False, D(0), 3),
    ("maternity", "产假", "Maternity leave", True, LeaveBalanceKind.NONE, None, D(98), True, False, True,
     D(0), True, D(0), 3),
    ("paternity", "陪产假", "Paternity / nursing leave", True, LeaveBalanceKind.NONE, None, D(15), True, False,
     False, None, True, D(0), 3),
    ("bereavement", "丧假", "Bereavement leave", True, LeaveBalanceKind.NONE, None, D(3), False, False, False,
     None, True, D(0), 3),
    ("work_injury", "工伤假", "Work-injury leave", True, LeaveBalanceKind.NONE, None, None, True, False, True,
     D(0), True, D(0), 3),
    ("rest_owed", "调休", "Compensatory rest", True, LeaveBalanceKind.REST_OWED, None, None, False, True, False,
     None, False, D(0), 3),
    ("other", "其他假", "Other leave", True, LeaveBalanceKind.NONE, None, None, False, True, True,
     None, False, D(0), 3),
)
FIELDS = ("code", "name", "name_en", "paid", "balance_kind", "yearly_days", "max_days", "counts_calendar_days",
          "half_days", "needs_hr_approval", "note_after_days", "ignores_blackouts", "carry_over_cap",
          "carry_over_months")


def default_type_rows() -> list[dict]:
    """The defaults as column dicts, with their sort order."""
    return [dict(zip(FIELDS, row, strict=True), sort_order=10 * (i + 1)) for i, row in enumerate(DEFAULT_TYPES)]


def ensure_default_types() -> int:
    """Add the default types whose code is missing; returns how many were added. Never commits."""
    have = set(db.session.scalars(sa.select(LeaveType.code)))
    missing = [LeaveType(**row) for row in default_type_rows() if row["code"] not in have]
    db.session.add_all(missing)
    db.session.flush()
    return len(missing)


def leave_type(code: str) -> LeaveType | None:
    """The type with `code`, or None."""
    return db.session.scalar(sa.select(LeaveType).where(LeaveType.code == code))
