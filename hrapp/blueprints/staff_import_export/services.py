"""Staff import services: plan (parse and validate), then apply. They never commit; the view does, once."""
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import date

import sqlalchemy as sa
from openpyxl.utils import get_column_letter

from hrapp import audit
from hrapp.blueprints.staff.rules import StaffData, staff_problems
from hrapp.blueprints.staff.services import create_staff, staff_data_of, update_staff
from hrapp.blueprints.staff_import_export.columns import COLUMN_BY_KEY, COLUMN_OF_FIELD, STAFF_FIELD_OF
from hrapp.blueprints.staff_import_export.messages import file_message, row_message
from hrapp.blueprints.staff_import_export.reader import read_table
from hrapp.blueprints.staff_import_export.rules import creation_order, duplicate_numbers, map_headers, parse_row
from hrapp.blueprints.staff_import_export.staging import (
    StagedImport,
    StagedImportMissing,
    values_from_json,
    values_to_json,
)
from hrapp.company import company_today
from hrapp.core.money import TOO_LARGE
from hrapp.core.money_fields import money_ceiling
from hrapp.core.pay import BELOW_MINIMUM, PayPolicy
from hrapp.extensions import db
from hrapp.models import Department, Gender, Position, StaffMember
from hrapp.pay import pay_policy

REFERENCE_KEYS = ("department_code", "position_code", "superior_staff_number")
# Stand-ins for a new row's unreadable required cells, so the other rules can still run.
_NEW_ROW = {"staff_number": "", "name_zh": "", "gender": Gender.MALE, "department_id": 0, "hire_on": None}


@dataclass(frozen=True)
class Problem:
    """One reason an import cannot go ahead: spreadsheet row (1 = header), column header, message."""

    line: int
    column: str
    message: str


@dataclass
class RowPlan:
    """What the import will do with one data row."""

    line: int
    values: dict
    action: str = "error"  # create | update | unchanged | error
    data: StaffData | None = None
    staff: StaffMember | None = None
    superior_number: str = ""  # a superior that this import creates, resolved after creating it
    changed: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    filename: str
    header_names: dict[str, str]
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    create_order: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        counts = Counter(create=0, update=0, unchanged=0, error=0)
        counts.update(row.action for row in self.rows)
        return counts

    @property
    def can_commit(self) -> bool:
        """All-or-nothing: only a plan without a single problem may be applied."""
        return bool(self.rows) and not self.problems

    @property
    def has_changes(self) -> bool:
        return any(row.action in ("create", "update") for row in self.rows)

    def staged_rows(self) -> list[dict]:
        """The rows as JSON-safe dicts for staging.stage_import."""
        return [{"line": row.line, "values": values_to_json(row.values)} for row in self.rows]


def preview_upload(filename: str, content: bytes, today: date | None = None) -> ImportPlan:
    """Read, parse and validate an uploaded file without changing anything.

    :raise reader.FileProblem: the file is not a readable CSV/XLSX of acceptable size.
    """
    filename = (filename or "").replace("\\", "/").rsplit("/", 1)[-1][:120]  # no client-side path
    table = read_table(filename, content)
    header = map_headers(table.headers)
    if header.problems:
        return ImportPlan(filename, header.names,
                          problems=[Problem(1, text, file_message(code, text)) for code, text in header.problems])
    parsed = []
    for line, cells in table.rows:
        values, problems = parse_row({key: cells[i] if i < len(cells) else None for i, key in header.keys.items()},
                                     money_ceiling())
        problems += [(get_column_letter(i + 1), "no_header_value", "") for i, cell in enumerate(cells)
                     if i not in header.keys and cell not in (None, "")]
        parsed.append((line, values, problems))
    return plan_import(filename, header.names, parsed, today)


def plan_staged(staged: StagedImport, today: date | None = None) -> ImportPlan:
    """Validate a staged import again against the current records.

    :raise StagedImportMissing: the staged file is not one this module wrote.
    """
    try:
        parsed = [(row["line"], values_from_json(row["values"]), []) for row in staged.rows]
    except (KeyError, TypeError, ValueError):
        raise StagedImportMissing(staged.token) from None
    return plan_import(staged.filename, staged.header_names, parsed, today)


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class _Lookups:
    departments: dict[str, int]
    positions: dict[str, int]
    position_departments: dict[int, int]  # position id -> its department's id
    staff: dict[str, StaffMember]  # existing staff by number: those in the file and their superiors
    new_numbers: set[str]

    @classmethod
    def load(cls, parsed: list) -> "_Lookups":
        numbers = {v.get(k) for _, v, _ in parsed for k in ("staff_number", "superior_staff_number")} - {None, ""}
        staff = {}
        for chunk in _chunks(sorted(numbers)):
            for member in db.session.scalars(sa.select(StaffMember).where(StaffMember.staff_number.in_(chunk))):
                staff[member.staff_number] = member
        file_numbers = {v.get("staff_number") for _, v, _ in parsed} - {None, ""}
        return cls(dict(db.session.execute(sa.select(Department.code, Department.id)).all()),
                   dict(db.session.execute(sa.select(Position.code, Position.id)).all()),
                   dict(db.session.execute(sa.select(Position.id, Position.department_id)).all()),
                   staff, file_numbers - set(staff))


def _references(values: dict, lookups: _Lookups, problems: list) -> tuple[dict, str]:
    """StaffData ids for the codes in `values` (unknown ones become problems) and a pending superior."""
    ids, pending = {}, ""
    code = values.get("department_code")
    if code is not None:
        if code in lookups.departments:
            ids["department_id"] = lookups.departments[code]
        else:
            problems.append(("department_code", "unknown_department", code))
    code = values.get("position_code")
    if code is not None:
        if not code or code in lookups.positions:
            ids["position_id"] = lookups.positions.get(code)
        else:
            problems.append(("position_code", "unknown_position", code))
    number = values.get("superior_staff_number")
    if number is not None:
        if number in lookups.staff or not number:
            ids["superior_id"] = lookups.staff[number].id if number else None
        elif number in lookups.new_numbers:
            ids["superior_id"], pending = None, number
        else:
            problems.append(("superior_staff_number", "unknown_superior", number))
    return ids, pending


def _merged_data(values: dict, existing: StaffMember | None, ids: dict) -> StaffData | None:
    """The stored record (or new-row stand-ins) overlaid with the file's values; None without a hire date."""
    fields = asdict(staff_data_of(existing)) if existing else dict(_NEW_ROW)
    fields.update({STAFF_FIELD_OF.get(k, k): v for k, v in values.items() if k not in REFERENCE_KEYS}, **ids)
    fields["id_number"] = (fields.get("id_number") or "").upper()  # as staff services normalise it
    return StaffData(**fields) if fields["hire_on"] is not None else None


def _plan_row(line: int, values: dict, problems: list, lookups: _Lookups, today: date, policy: PayPolicy) -> RowPlan:
    """Plan one row; the problems found are appended to `problems`."""
    row = RowPlan(line, values, staff=lookups.staff.get(values.get("staff_number", "")))
    ids, row.superior_number = _references(values, lookups, problems)
    row.data = _merged_data(values, row.staff, ids)
    if row.data is not None:
        bad_columns = {column for column, _, _ in problems}
        codes = staff_problems(row.data, today, row.staff.id if row.staff else None, policy,
                               before=staff_data_of(row.staff) if row.staff else None,
                               position_department_id=lookups.position_departments.get(row.data.position_id))
        details = {TOO_LARGE: policy.max_amount, BELOW_MINIMUM: policy.minimum_monthly_wage}
        problems.extend((COLUMN_OF_FIELD.get(name, name), code, details.get(code, "")) for name, cs in codes.items()
                        for code in cs if COLUMN_OF_FIELD.get(name, name) not in bad_columns)
    if problems:
        row.action = "error"
    elif row.staff is None:
        row.action = "create"
    else:
        before = staff_data_of(row.staff)
        row.changed = tuple(n for n in before.__dataclass_fields__ if getattr(before, n) != getattr(row.data, n))
        if row.superior_number and "superior_id" not in row.changed:
            row.changed += ("superior_id",)
        row.action = "update" if row.changed else "unchanged"
    return row


def plan_import(filename: str, header_names: dict[str, str], parsed: list, today: date | None = None) -> ImportPlan:
    """Validate parsed rows against the records and decide each row's action.

    `parsed` is a list of (line, values, problems) with problems as (column key, code, detail).
    Departments, positions and the staff concerned are loaded once, not per row.
    """
    today, policy = today or company_today(), pay_policy()
    plan = ImportPlan(filename, header_names)
    lookups = _Lookups.load(parsed)
    repeats = duplicate_numbers([(line, values.get("staff_number", "")) for line, values, _ in parsed])
    row_problems = {}
    for line, values, problems in parsed:
        problems = list(problems)
        if line in repeats:
            problems.append(("staff_number", "duplicate_in_file", repeats[line]))
        plan.rows.append(_plan_row(line, values, problems, lookups, today, policy))
        row_problems[line] = problems
    new = {r.values["staff_number"]: r.superior_number or None for r in plan.rows if r.action == "create"}
    plan.create_order, looped = creation_order(new)
    for row in plan.rows:
        if row.action == "create" and row.values["staff_number"] in looped:
            row.action = "error"
            row_problems[row.line].append(("superior_staff_number", "superior_loop", ""))
    for row in plan.rows:
        for key, code, detail in row_problems[row.line]:
            column = header_names.get(key, COLUMN_BY_KEY[key].zh if key in COLUMN_BY_KEY else key)
            plan.problems.append(Problem(row.line, column, row_message(code, detail)))
    return plan


class StaffImport:
    """The target of the import's summary audit row (it has no table of its own)."""

    id = None


def apply_import(plan: ImportPlan, actor) -> Counter:
    """Create and update staff as planned, through create_staff/update_staff (history and audit rows).

    Superiors created by the same import are created first. Unchanged rows are not touched, and
    an import that changes nothing writes no audit row at all.
    :raise ValueError: the plan has problems (nothing is changed).
    :raise StaffValidationError: a record changed between planning and applying.
    """
    if not plan.can_commit:
        raise ValueError("an import with problems cannot be applied")
    note = f"import: {plan.filename}"[:255]
    by_number = {row.values["staff_number"]: row for row in plan.rows}
    created: dict[str, StaffMember] = {}

    def resolved(row: RowPlan) -> StaffData:
        return replace(row.data, superior_id=created[row.superior_number].id) if row.superior_number else row.data

    # Held here so the services' per-row lookups hit the identity map, not the database.
    references = db.session.scalars(sa.select(Department)).all() + db.session.scalars(sa.select(Position)).all()
    # Every created record is flushed by create_staff itself; autoflush before each lookup
    # would only add a flush per row for the pending audit row.
    with db.session.no_autoflush:
        for number in plan.create_order:
            created[number] = create_staff(resolved(by_number[number]), actor, event_note=note)
        for row in plan.rows:
            if row.action == "update":
                update_staff(row.staff, resolved(row), actor, event_note=note)
    del references
    counts = plan.counts
    if counts["create"] or counts["update"]:
        audit.record(actor, "import.staff", StaffImport(), None,
                     {"filename": plan.filename, "rows": len(plan.rows), "created": counts["create"],
                      "updated": counts["update"], "unchanged": counts["unchanged"]}, label=plan.filename)
    return counts
