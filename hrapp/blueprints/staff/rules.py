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


STAFF_FIELDS = tuple(f.name for f in fields(StaffData))

def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def staff_problems(data: StaffData, today: date, staff_id: int | None = None,
                   policy: PayPolicy = DEFAULT_POLICY) -> dict[str, list[str]]:
    """Field name -> reason codes for everything wrong with `data` (empty dict if valid).

    Pay is checked by hrapp.core.pay.wage_problems() under `policy` (ceiling, minimum wage).
    Checks that need the database (unique number, existing department) live in services.
    """
    problems: dict[str, list[str]] = {}

    def add(field: str, code: str) -> None:
        problems.setdefault(field, []).append(code)

    if not STAFF_NUMBER_RE.match(data.staff_number or ""):
        add("staff_number", "staff_number")
    if not (data.name_zh or "").strip() or len(data.name_zh) > 40:
        add("name_zh", "name_zh")
    if data.birth_on and data.birth_on > today:
        add("birth_on", "birth_future")
    if data.birth_on and data.hire_on < data.birth_on:
        add("hire_on", "hire_before_birth")
    elif data.birth_on and data.hire_on < add_years(data.birth_on, MIN_WORKING_AGE):
        add("hire_on", "too_young")
    if (data.hire_on - today).days > 366:
        add("hire_on", "hire_future")
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
    wage = wage_problems(data.monthly_base_amount, data.daily_wage_amount, policy)
    for field, name in PAY_FIELDS.items():
        for reason in wage.get(name, ()):
            add(field, reason)
    if data.status == EmploymentStatus.LEFT and not data.left_on:
        add("left_on", "left_needs_date")
    if data.status != EmploymentStatus.LEFT and data.left_on:
        add("left_on", "left_without_status")
    if data.left_on and data.left_on < data.hire_on:
        add("left_on", "left_before_hire")
    if staff_id is not None and data.superior_id == staff_id:
        add("superior_id", "superior_self")
    return problems


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
