"""Writing spreadsheets (pure): CSV and XLSX bytes from a header row and typed rows.

Every text cell is neutralised against formula injection first; CSV also goes through defusedcsv.
"""
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from defusedcsv import csv
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from hrapp.blueprints.transfer.rules import neutralise

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def build_csv(headers: list[str], rows: Iterable[list]) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads the Chinese text), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_cell(sheet, value: object) -> WriteOnlyCell:
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=neutralise(value))
        # openpyxl would store a string starting with "=" as a formula: force a plain string.
        cell.data_type = "s"
        return cell
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, Decimal):
        cell.number_format = "0.00"
    return cell


def build_xlsx(headers: list[str], rows: Iterable[list], sheet_title: str = "staff") -> bytes:
    """An XLSX workbook with one sheet: bold headers, then the rows (dates and amounts typed)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = _xlsx_cell(sheet, text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) if v is not None else None for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
