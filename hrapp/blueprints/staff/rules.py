"""Staff record rules (pure): what makes a record valid, and which history events a change makes."""
import re
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from hrapp.core.idcard import birth_date_of, id_number_problem
from hrapp.core.pay import PayPolicy, wage_problems
from hrapp.models.staff import EmploymentStatus, EventKind, Gender

STAFF_NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{4,18}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Column sizes of the stored record; the web form checks them too, the API and import rely on these.
MAX_LENGTHS = {"name_en": 80, "email": 120, "emergency_contact_name": 40, "notes": 2000}
MIN_WORKING_AGE = 16
# Pay fields of StaffData -> the field names of hrapp.core.pay.wage_problems().
PAY_FIELDS = {"monthly_base_amount": "monthly", "daily_wage_amount": "daily"}
DEFAULT_POLICY = PayPolicy()


@dataclass(frozen=True)
class StaffData:
    """A staff record's editable values, already parsed to Python types."""

    staff_number: str
    name_zh: str
    gender: Gender
    department_id: int
    hire_on: date
    name_en: str = ""
    birth_on: date | None = None
    id_number: str = ""
    phone: str = ""
    email: str = ""
    position_id: int | None = None
    superior_id: int | None = None
    status: EmploymentStatus = EmploymentStatus.PROBATION
    status_since_on: date | None = None
    left_on: date | None = None
    daily_wage_amount: Decimal = Decimal("0.00")
    monthly_base_amount: Decimal = Decimal("0.00")
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    notes: str = ""
    career_started_on: date | None = None  # 参加工作日期: cumulative service for annual leave (None: the hire date)
    probation_ends_on: date | None = None  # the last day of the probation period
    contract_ends_on: date | None = None  # the last day of the current labour contract (None: open-ended)


STAFF_FIELDS = tuple(f.name for f in fields(StaffData))

def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


# Plausible dates: nobody still employed was hired before this day, and a hire is planned at most a year ahead.
EARLIEST_HIRE = date(1950, 1, 1)
MAX_HIRE_AHEAD_DAYS = 366
# The contact fields a record must keep once they are filled in (self-service and HR edit alike).
REQUIRED_CONTACT_FIELDS = ("phone", "emergency_contact_name", "emergency_contact_phone")


def staff_problems(data: StaffData, today: date, staff_id: int | None = None,
                   policy: PayPolicy = DEFAULT_POLICY, *, before: StaffData | None = None,
                   position_department_id: int | None = None) -> dict[str, list[str]]:
    """Field name -> reason codes for everything wrong with `data` (empty dict if valid), all at once.

    A value that could not be read is None and only its own checks are skipped, so a form or an import
    row reports every other problem in the same answer. Pay is checked by hrapp.core.pay.wage_problems()
    under `policy` (ceiling, minimum wage) and must not be 0 in both figures. `before` is the stored record
    on an update: a contact field it had may not be blanked. `position_department_id` is the department
    of `data.position_id` (the caller looks it up): a position of another department is refused.
    Checks that need the database (unique number, existing department) live in services.
    """
    problems: dict[str, list[str]] = {}

    def add(field: str, code: str) -> None:
        problems.setdefault(field, []).append(code)

    if not STAFF_NUMBER_RE.match(data.staff_number or ""):
        add("staff_number", "staff_number")
    if not (data.name_zh or "").strip() or len(data.name_zh) > 40:
        add("name_zh", "name_zh")
    for field, code in _date_problems(data, today):
        add(field, code)
    if data.id_number:
        reason = id_number_problem(data.id_number)
        if reason:
            add("id_number", f"id_{reason}")
        elif data.birth_on and birth_date_of(data.id_number) != data.birth_on:
            add("birth_on", "id_birth_mismatch")
    for field, limit in MAX_LENGTHS.items():
        if len(getattr(data, field) or "") > limit:
            add(field, "too_long")
    if data.email and not EMAIL_RE.match(data.email):
        add("email", "email")
    for field in ("phone", "emergency_contact_phone"):
        if getattr(data, field) and not PHONE_RE.match(getattr(data, field)):
            add(field, "phone")
    for field in REQUIRED_CONTACT_FIELDS:
        if before is not None and (getattr(before, field) or "").strip() and not (getattr(data, field) or "").strip():
            add(field, "contact_required")
    for field, code in _pay_problems(data, policy):
        add(field, code)
    if data.status == EmploymentStatus.LEFT and not data.left_on:
        add("left_on", "left_needs_date")
    if data.status not in (None, EmploymentStatus.LEFT) and data.left_on:
        add("left_on", "left_without_status")
    if data.position_id is not None and position_department_id not in (None, data.department_id):
        add("position_id", "position_other_department")
    if staff_id is not None and data.superior_id == staff_id:
        add("superior_id", "superior_self")
    return problems


def _date_problems(data: StaffData, today: date) -> list[tuple[str, str]]:
    """(field, code) for implausible dates: born in the future, hired before 1950, before birth, under the
    legal working age of 16 or more than a year ahead, left before being hired, probation or contract ending before
    the hire."""
    found = []
    birth, hire = data.birth_on, data.hire_on
    if birth and birth > today:
        found.append(("birth_on", "birth_future"))
    if hire and hire < EARLIEST_HIRE:
        found.append(("hire_on", "hire_too_early"))
    if hire and birth and hire < birth:
        found.append(("hire_on", "hire_before_birth"))
    elif hire and birth and hire < add_years(birth, MIN_WORKING_AGE):
        found.append(("hire_on", "too_young"))
    if hire and (hire - today).days > MAX_HIRE_AHEAD_DAYS:
        found.append(("hire_on", "hire_future"))
    if hire and data.left_on and data.left_on < hire:
        found.append(("left_on", "left_before_hire"))
    for field in ("probation_ends_on", "contract_ends_on"):
        if hire and getattr(data, field) and getattr(data, field) < hire:
            found.append((field, "ends_before_hire"))
    return found


def _pay_problems(data: StaffData, policy: PayPolicy) -> list[tuple[str, str]]:
    """(field, code) for the pay figures: each a valid amount under `policy`, and not both 0 (a wage > 0)."""
    monthly, daily = (Decimal(v) if isinstance(v, int) else v for v in (data.monthly_base_amount, data.daily_wage_amount))
    if monthly is None or daily is None:  # unreadable: the field's own message says so
        return []
    wage = wage_problems(monthly, daily, policy)
    found = [(field, reason) for field, name in PAY_FIELDS.items() for reason in wage.get(name, ())]
    if not found and monthly <= 0 and daily <= 0:
        found.append(("daily_wage_amount", "wage_zero"))
    return found


@dataclass(frozen=True)
class EventDraft:
    kind: EventKind
    from_value: object
    to_value: object


def history_events(before: StaffData, after: StaffData) -> list[EventDraft]:
    """Employment events implied by a change: a department change is a transfer, a position
    change within the department a promotion, a status change a status change, and a change of
    either pay figure a pay change (whose amounts go to the pay history, not the event)."""
    events = []
    if before.department_id != after.department_id:
        events.append(EventDraft(EventKind.TRANSFER, before.department_id, after.department_id))
    elif before.position_id != after.position_id:
        events.append(EventDraft(EventKind.PROMOTION, before.position_id, after.position_id))
    if before.status != after.status:
        events.append(EventDraft(EventKind.STATUS_CHANGE, before.status, after.status))
    pay = (before.monthly_base_amount, before.daily_wage_amount), (after.monthly_base_amount, after.daily_wage_amount)
    if pay[0] != pay[1]:
        events.append(EventDraft(EventKind.PAY_CHANGE, *pay))
    return events
