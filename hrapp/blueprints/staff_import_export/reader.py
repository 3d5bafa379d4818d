"""Reading uploaded spreadsheets (pure): type sniffing, text decoding, rows of raw cells.

Raises FileProblem(code, detail) for anything that is not a readable CSV or XLSX file; the codes
are translated in messages.py.
"""
import csv
import io
import re
import zipfile
from dataclasses import dataclass

import openpyxl

MAX_ROWS = 10_000
MAX_COLUMNS = 60
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # a 5 MiB upload that inflates beyond this is a zip bomb
EXTENSIONS = ("csv", "xlsx")
# C0 control characters other than tab, LF and CR never occur in a real CSV file.
_BINARY_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FileProblem(ValueError):
    """The upload as a whole cannot be read."""

    def __init__(self, code: str, detail: object = ""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Table:
    """The header row and the non-blank data rows as (spreadsheet row number, raw cells)."""

    headers: list
    rows: list[tuple[int, list]]


def extension_of(filename: str) -> str:
    """The lower-case extension without the dot ("" if none)."""
    return filename.rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""


def read_table(filename: str, data: bytes) -> Table:
    """Read an upload by its extension, after checking that the content matches it.

    :raise FileProblem: "extension", "empty", "not_xlsx", "not_text", "bad_csv", "too_big",
        "too_many_rows", "too_many_columns", "no_header", "no_rows".
    """
    extension = extension_of(filename)
    if extension not in EXTENSIONS:
        raise FileProblem("extension")
    if not data:
        raise FileProblem("empty")
    rows = _xlsx_rows(data) if extension == "xlsx" else _csv_rows(data)
    return _table(rows)


def _is_blank(cells) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _table(rows) -> Table:
    headers = None
    data_rows: list[tuple[int, list]] = []
    for line, cells in rows:
        if _is_blank(cells):
            continue
        cells = list(cells)
        while cells and (cells[-1] is None or cells[-1] == ""):
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise FileProblem("too_many_columns", MAX_COLUMNS)
        if headers is None:
            headers = cells
            continue
        if len(data_rows) >= MAX_ROWS:
            raise FileProblem("too_many_rows", MAX_ROWS)
        data_rows.append((line, cells))
    if headers is None:
        raise FileProblem("no_header")
    if not data_rows:
        raise FileProblem("no_rows")
    return Table(headers, data_rows)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (what Chinese Excel saves as "CSV").

    :raise FileProblem: "not_text" if neither decodes or the result holds binary control bytes.
    """
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _BINARY_RE.search(text):
            break
        return text
    raise FileProblem("not_text")


def _csv_rows(data: bytes):
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        # Excel shows one record per row, so the row number is the record number.
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise FileProblem("bad_csv", str(exc)) from None


def is_xlsx(data: bytes) -> bool:
    """True if `data` is a zip archive with the parts of an Office Open XML workbook."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith("xl/") and n.endswith(".xml") for n in names)


def _xlsx_rows(data: bytes):
    if not is_xlsx(data):
        raise FileProblem("not_xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise FileProblem("too_big")
    try:
        # data_only: a formula cell yields the value Excel last computed, never the formula.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types (KeyError, XML and zip errors) for broken files
        raise FileProblem("not_xlsx") from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # stored dimensions may be missing or wrong
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except FileProblem:
        raise
    except Exception:
        raise FileProblem("not_xlsx") from None
    finally:
        workbook.close()
