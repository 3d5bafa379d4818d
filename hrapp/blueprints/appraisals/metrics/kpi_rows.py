"""The rows of a KPI import (a file's or the API's): reading them from an uploaded table, and checking them all
against the cycle before anything is stored. Each problem names its row, its column and what is wrong.

Checked: a known staff number of someone appraised in the cycle, a KPI code that person's items read, a finite
non-negative number (csat on the five-level scale 1–5, order_completion a percentage 0–100), and each person's
code once per import.
"""
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.staff_import_export.reader import FileProblem, Table
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalItem, CriterionKind, StaffMember

from . import rules

COLUMNS = ("staff_number", "kpi_code", "value")

ROW_MESSAGES = {
    "required": _l("A value is required."),
    "unknown_staff": _l("No staff member with this number."),
    "not_appraised": _l("This person has no appraisal in the cycle."),
    "unknown_code": _l("This person's appraisal reads no KPI “%(detail)s”."),
    "not_number": _l("Not a number."),
    "negative": _l("A KPI value cannot be negative."),
    "too_big": _l("The value is too large."),
    "csat_range": _l("Customer satisfaction is an average on the five-level scale: from 1 to 5."),
    "percent_range": _l("A percentage lies between 0 and 100."),
    "duplicate": _l("This person's KPI also appears on row %(detail)s."),
    "too_many": _l("At most %(detail)s rows at once."),
}
MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class KpiEntry:
    """One row as given: its number (the spreadsheet's row, or the API list's position from 1) and raw cells."""

    row: int
    staff_number: object
    kpi_code: object
    value: object


@dataclass(frozen=True)
class RowError:
    """A problem of one row: `column` one of COLUMNS ("" for the row as a whole)."""

    row: int
    column: str
    code: str
    detail: str = ""

    @property
    def message(self) -> str:
        """The problem in the page's language."""
        text = str(ROW_MESSAGES.get(self.code, self.code))
        return text % {"detail": self.detail} if "%(detail)s" in text else text


def _text(cell) -> str:
    """A cell as text: Excel keeps staff numbers typed as numbers as floats (1001.0)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def entries_from_table(table: Table) -> list[KpiEntry]:
    """The rows of an uploaded table, by its header (staff_number, kpi_code, value; any order, any case).

    :raise FileProblem: "missing_column" or "duplicate_column" (detail: the column).
    """
    headers = [_text(h).lower() for h in table.headers]
    for name in headers:
        if name and headers.count(name) > 1:
            raise FileProblem("duplicate_column", name)
    for name in COLUMNS:
        if name not in headers:
            raise FileProblem("missing_column", name)
    at = {name: headers.index(name) for name in COLUMNS}

    def cell(cells, name):
        index = at[name]
        return cells[index] if index < len(cells) else None

    return [KpiEntry(line, cell(cells, "staff_number"), cell(cells, "kpi_code"), cell(cells, "value"))
            for line, cells in table.rows]


def cycle_kpi_codes(cycle: AppraisalCycle, staff_ids=None) -> dict[int, set[str]]:
    """staff id -> the KPI codes their appraisal in `cycle` reads (IMPORTED items); every appraised person has an
    entry, empty when they read none."""
    query = (sa.select(Appraisal.staff_id, AppraisalItem.kpi_code, AppraisalItem.kind)
             .outerjoin(AppraisalItem, AppraisalItem.appraisal_id == Appraisal.id)
             .where(Appraisal.cycle_id == cycle.id, Appraisal.staff_id.is_not(None)))
    if staff_ids is not None:
        query = query.where(Appraisal.staff_id.in_(staff_ids))
    codes: dict[int, set[str]] = {}
    for staff_id, code, kind in db.session.execute(query):
        found = codes.setdefault(staff_id, set())
        if kind == CriterionKind.IMPORTED and code:
            found.add(code)
    return codes


def check_entries(cycle: AppraisalCycle, entries: list[KpiEntry]) -> tuple[list[tuple[int, str, Decimal]],
                                                                              list[RowError]]:
    """(accepted (staff id, code, value) rows, problems): the rows are usable only when there is no problem."""
    if len(entries) > MAX_ENTRIES:
        return [], [RowError(0, "", "too_many", str(MAX_ENTRIES))]
    numbers = {_text(e.staff_number) for e in entries} - {""}
    staff = dict(db.session.execute(sa.select(StaffMember.staff_number, StaffMember.id)
                                    .where(StaffMember.staff_number.in_(numbers))).all()) if numbers else {}
    codes = cycle_kpi_codes(cycle, list(staff.values())) if staff else {}
    accepted, errors, seen = [], [], {}
    for entry in entries:
        before = len(errors)
        number, code = _text(entry.staff_number), _text(entry.kpi_code)
        staff_id = staff.get(number)
        if not number:
            errors.append(RowError(entry.row, "staff_number", "required"))
        elif staff_id is None:
            errors.append(RowError(entry.row, "staff_number", "unknown_staff"))
        elif staff_id not in codes:
            errors.append(RowError(entry.row, "staff_number", "not_appraised"))
        if not code:
            errors.append(RowError(entry.row, "kpi_code", "required"))
        elif staff_id in codes and code not in codes[staff_id]:
            errors.append(RowError(entry.row, "kpi_code", "unknown_code", code))
        problem, value = rules.kpi_value_problem(code, entry.value)
        if problem:
            errors.append(RowError(entry.row, "value", problem))
        if len(errors) > before:
            continue
        if (staff_id, code) in seen:
            errors.append(RowError(entry.row, "", "duplicate", str(seen[(staff_id, code)])))
            continue
        seen[(staff_id, code)] = entry.row
        accepted.append((staff_id, code, value))
    return accepted, errors
