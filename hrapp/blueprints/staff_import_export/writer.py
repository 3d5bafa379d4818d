"""Writing the staff spreadsheets (pure): CSV and XLSX bytes from a header row and typed rows.

Every text cell is neutralised against formula injection (hrapp.core.sheets); CSV also goes through defusedcsv.
"""
import io
from collections.abc import Iterable
from datetime import date

from defusedcsv import csv

from hrapp.core.sheets import MIMETYPE, Table, neutralise, workbook_bytes

MIMETYPES = {"csv": "text/csv; charset=utf-8", "xlsx": MIMETYPE}


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


def build_xlsx(headers: list[str], rows: Iterable[list], sheet_title: str = "staff") -> bytes:
    """An XLSX workbook with one sheet: bold frozen headers, then the rows (dates and amounts typed)."""
    return workbook_bytes(Table(sheet_title, headers, list(rows)))
