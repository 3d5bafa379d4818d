"""Import rules (pure): header matching, cell parsing to typed values (exports are neutralised by hrapp.core.sheets).

Nothing here touches Flask or the database. Parsers raise CellError(code, detail); the codes
are translated in messages.py.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from hrapp.blueprints.staff_import_export.columns import (
    COLUMN_BY_KEY,
    COLUMNS,
    GENDER_WORDS,
    KEEP_IF_BLANK,
    STATUS_WORDS,
    Column,
)
from hrapp.core import money
from hrapp.core.sheets import FORMULA_TRIGGERS
from hrapp.models.staff import EmploymentStatus, Gender

# defusedcsv also escapes these; undone on import so that an export re-imports unchanged.
_ESCAPED_BY_EXPORT = FORMULA_TRIGGERS + ("|", "%")
_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CellError(ValueError):
    """A cell that cannot be read: `code` names the problem, `detail` fills the message."""

    def __init__(self, code: str, detail: object = ""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def cell_text(value: object) -> str:
    """A cell as trimmed text: numbers without a spurious ".0", dates as YYYY-MM-DD.

    A leading apostrophe added by a formula-safe export is removed again.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    if isinstance(value, date | datetime):
        return value.isoformat()
    text = str(value)
    if len(text) > 1 and text[0] == "'" and text[1] in _ESCAPED_BY_EXPORT:
        text = text[1:]
    return text.strip()


def normalise_header(text: object) -> str:
    """Header text compared case-insensitively, ignoring spaces, a BOM and a 'required' star."""
    text = cell_text(text).replace("\ufeff", "").strip().rstrip("*").strip().lower()
    return re.sub(r"[\s-]+", "_", text)


_HEADER_LOOKUP = {normalise_header(h): c.key for c in COLUMNS for h in c.headers}


@dataclass
class HeaderMap:
    """Which column index holds which key, plus problems as (code, header text)."""

    keys: dict[int, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> header text as in the file
    problems: list[tuple[str, str]] = field(default_factory=list)


def map_headers(headers: list) -> HeaderMap:
    """Match a header row against COLUMNS (Chinese or English names).

    Problems: "unknown_column", "duplicate_column", "missing_column". Blank headers are ignored.
    """
    result = HeaderMap()
    for index, raw in enumerate(headers):
        text = cell_text(raw).replace("\ufeff", "").strip()
        if not text:
            continue
        key = _HEADER_LOOKUP.get(normalise_header(text))
        if key is None:
            result.problems.append(("unknown_column", text))
        elif key in result.names:
            result.problems.append(("duplicate_column", text))
        else:
            result.keys[index], result.names[key] = key, text
    for column in COLUMNS:
        if column.required and column.key not in result.names:
            result.problems.append(("missing_column", column.zh))
    return result


def parse_text(value: object, max_length: int = 0) -> str:
    """Trimmed text; CellError("too_long", max_length) if longer.

    CellError("long_number") for a number Excel could not store exactly (an ID number typed into
    a cell not formatted as text comes back as 1.10101199001011E+17).
    """
    if isinstance(value, float) and abs(value) >= 2 ** 53:
        raise CellError("long_number")
    text = cell_text(value)
    if max_length and len(text) > max_length:
        raise CellError("too_long", max_length)
    return text


def parse_email(value: object, max_length: int = 120) -> str:
    """An email address or ""; CellError("email") if it does not look like one."""
    text = parse_text(value, max_length)
    if text and not _EMAIL_RE.match(text):
        raise CellError("email")
    return text


def parse_date(value: object) -> date | None:
    """A real Excel date or YYYY-MM-DD (also / or . separated) text; None if blank.

    :raise CellError: "date" for anything else, impossible days (2023-02-30) included.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellError("date")
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE_RE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise CellError("date")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise CellError("date") from None


def parse_money(value: object, max_amount: Decimal = money.DEFAULT_MAX_AMOUNT) -> Decimal | None:
    """An amount in yuan as Decimal (hrapp.core.money.parse_money on the cell); None if blank.

    Numeric XLSX cells go through their shortest decimal repr, so 4500.1 stays 4500.1; a text cell
    loses the apostrophe a formula-safe export put in front of it.
    :raise CellError: with the hrapp.core.money code ("money", "money_not_finite", "pay_negative",
        "pay_precision", "pay_too_large"); the detail is the ceiling.
    """
    if isinstance(value, str):
        value = cell_text(value)
    try:
        return money.parse_money(value, max_amount=max_amount)
    except money.MoneyError as exc:
        raise CellError(exc.code, exc.max_amount) from None


def parse_gender(value: object) -> Gender | None:
    """男/女, male/female or M/F (any case); None if blank; CellError("gender") otherwise."""
    text = cell_text(value).lower()
    if not text:
        return None
    if text not in GENDER_WORDS:
        raise CellError("gender", text)
    return GENDER_WORDS[text]


def parse_status(value: object) -> EmploymentStatus | None:
    """试用/在职/停职/离职 or probation/active/suspended/left; None if blank."""
    text = cell_text(value).lower()
    if not text:
        return None
    if text not in STATUS_WORDS:
        raise CellError("status", text)
    return STATUS_WORDS[text]


def parse_cell(column: Column, value: object, max_amount: Decimal = money.DEFAULT_MAX_AMOUNT) -> object:
    """The typed value of one cell for `column` (None for a blank date/money/choice cell)."""
    if column.kind == "date":
        return parse_date(value)
    if column.kind == "money":
        return parse_money(value, max_amount)
    if column.kind == "gender":
        return parse_gender(value)
    if column.kind == "status":
        return parse_status(value)
    if column.kind == "email":
        return parse_email(value, column.max_length)
    return parse_text(value, column.max_length)


def parse_row(cells: dict[str, object], max_amount: Decimal = money.DEFAULT_MAX_AMOUNT,
              ) -> tuple[dict[str, object], list[tuple[str, str, object]]]:
    """Parse one data row given as column key -> raw cell (amounts up to `max_amount`).

    :return: (values, problems). `values` holds a typed value for every given column except the
        blank KEEP_IF_BLANK ones; `problems` is a list of (column key, code, detail).
    """
    values: dict[str, object] = {}
    problems: list[tuple[str, str, object]] = []
    for key, raw in cells.items():
        column = COLUMN_BY_KEY[key]
        try:
            value = parse_cell(column, raw, max_amount)
        except CellError as exc:
            problems.append((key, exc.code, exc.detail))
            continue
        if column.required and value in (None, ""):
            problems.append((key, "required", ""))
        elif not (key in KEEP_IF_BLANK and value is None):
            values[key] = value
    number, superior = values.get("staff_number"), values.get("superior_staff_number")
    if number and superior == number:
        problems.append(("superior_staff_number", "superior_self", ""))
    return values, problems


def duplicate_numbers(numbers: list[tuple[int, str]]) -> dict[int, int]:
    """Row line -> line of the first row with the same staff number, for every repeat."""
    first: dict[str, int] = {}
    repeats: dict[int, int] = {}
    for line, number in numbers:
        if not number:
            continue
        if number in first:
            repeats[line] = first[number]
        else:
            first[number] = line
    return repeats


def creation_order(superiors: dict[str, str | None]) -> tuple[list[str], set[str]]:
    """Order new staff numbers so that each superior comes before their subordinates.

    `superiors` maps each new number to its superior's number when that superior is new too
    (else None). :return: (order, numbers caught in a superior loop, which are left out).
    """
    order: list[str] = []
    done: set[str] = set()
    looped: set[str] = set()
    for start in superiors:
        chain: list[str] = []
        number = start
        while number in superiors and number not in done and number not in looped:
            if number in chain:
                looped.update(chain[chain.index(number):])
                break
            chain.append(number)
            number = superiors.get(number)
        for member in reversed(chain):
            if member not in looped:
                done.add(member)
                order.append(member)
    return order, looped
