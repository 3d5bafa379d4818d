"""The one XLSX writer (on openpyxl): typed cells, formula neutralisation, widths from content.

Every export builds on it: a plain table (`Table` -> `workbook_bytes`, or `csv_bytes` for the same table as
CSV) gets a bold, frozen header row and columns as wide as their content; a laid-out sheet (the roster grid) writes its cells with `put` and sizes
its columns with `fit_columns`. Text is always neutralised and stored as a string, so nothing a user typed
is ever read by a spreadsheet as a formula.
"""
import io
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from defusedcsv import csv
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A leading character that makes a spreadsheet read the cell as a formula (or a DDE call).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {datetime: "yyyy-mm-dd hh:mm", date: "yyyy-mm-dd", time: "hh:mm", Decimal: "0.00"}
MIN_WIDTH, MAX_WIDTH = 6, 60
BOLD = Font(bold=True)


def neutralise(value: object) -> object:
    """Make a text cell safe to open in a spreadsheet: a leading = + - @ tab or CR gets an apostrophe.

    Non-text values pass through unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def number_format(value: object) -> str | None:
    """The display format of a typed value: dates as dates, Decimals with 2 places; None for the rest."""
    for kind, fmt in FORMATS.items():  # datetime before date: a datetime is also a date
        if isinstance(value, kind):
            return fmt
    return None


def _fill(cell, value: object, fmt: str | None) -> None:
    if isinstance(value, str):
        cell.value = neutralise(value)
        cell.data_type = "s"  # openpyxl would store "=..." as a formula otherwise
        return
    cell.value = value
    fmt = fmt or number_format(value)
    if fmt:
        cell.number_format = fmt


def put(sheet, row: int, column: int, value: object, fmt: str | None = None) -> Cell:
    """Write one typed cell of a (normal) worksheet and return it for styling.

    Text is neutralised and kept a string; dates, times and Decimals get their format (`fmt` overrides it);
    ints and other numbers stay numbers; None leaves the cell empty.
    """
    cell = sheet.cell(row=row, column=column)
    _fill(cell, value, fmt)
    return cell


def text_width(value: object) -> int:
    """How many character columns `value` takes as displayed: a CJK (wide) character counts double."""
    if value is None:
        return 0
    if isinstance(value, Decimal):
        text = f"{value:.2f}"
    elif isinstance(value, datetime):
        text = "0000-00-00 00:00"
    elif isinstance(value, date):
        text = "0000-00-00"
    elif isinstance(value, time):
        text = "00:00"
    else:
        text = str(neutralise(value) if isinstance(value, str) else value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(rows: Iterable[Sequence], minimum: int = MIN_WIDTH, maximum: int = MAX_WIDTH) -> dict[int, int]:
    """1-based column -> width that fits the widest value (plus a margin), bounded by `minimum`/`maximum`."""
    widest: dict[int, int] = {}
    for row in rows:
        for column, value in enumerate(row, 1):
            widest[column] = max(widest.get(column, 0), text_width(value))
    return {column: min(maximum, max(minimum, width + 2)) for column, width in widest.items()}


def set_widths(sheet, widths: Mapping[int, float]) -> None:
    """Apply 1-based column -> width to a sheet (write-only sheets: before the first row is appended)."""
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width


def fit_columns(sheet, first_row: int = 1, fixed: Mapping[int, float] | None = None,
                minimum: int = MIN_WIDTH, maximum: int = MAX_WIDTH) -> None:
    """Size a normal sheet's columns from the content of its rows from `first_row` on; `fixed` wins.

    Merged title cells should sit above `first_row`, so that a long title does not widen its column.
    """
    rows = sheet.iter_rows(min_row=first_row, values_only=True)
    set_widths(sheet, column_widths(rows, minimum, maximum) | dict(fixed or {}))


@dataclass(frozen=True)
class Table:
    """One plain sheet: a header row, then rows of values (str, int, Decimal, date, time, None)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence] = ()


def add_table(workbook: Workbook, table: Table):
    """Add `table` as a new sheet of `workbook` (normal or write-only): header row bold and frozen,
    widths from content, typed cells. Returns the sheet."""
    sheet = workbook.create_sheet(table.title)
    rows = list(table.rows)
    set_widths(sheet, column_widths([table.headers, *rows]))
    sheet.freeze_panes = "A2"
    header = []
    for text in table.headers:
        cell = WriteOnlyCell(sheet)
        _fill(cell, text, None)
        cell.font = BOLD
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet)
            if value is not None:
                _fill(cell, value, None)
            cells.append(cell)
        sheet.append(cells)
    return sheet


def workbook_bytes(table: Table, *extra: Table) -> bytes:
    """The XLSX bytes of `table` as the first sheet and each `extra` table as a further sheet.

    Each sheet: header row bold and frozen, widths from content (CJK counts double), typed cells.
    Written in openpyxl's write-only mode, so a large export stays fast.
    """
    workbook = Workbook(write_only=True)
    for each in (table, *extra):
        add_table(workbook, each)
    return save(workbook)


def save(workbook: Workbook) -> bytes:
    """A workbook's XLSX bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def csv_bytes(table: Table) -> bytes:
    """`table` as UTF-8 CSV with a BOM (so Excel reads Chinese text) and CRLF line ends; text neutralised as
    in the XLSX (defusedcsv too), dates ISO, Decimals as written ("12.50")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
