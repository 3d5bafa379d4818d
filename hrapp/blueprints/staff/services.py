"""Staff services shared by the web forms, the API, the import and the CLI. They never commit."""
from dataclasses import asdict, dataclass, replace
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import contains_eager, joinedload

from hrapp import audit
from hrapp.blueprints.staff.rules import STAFF_FIELDS, StaffData, history_events, staff_problems
from hrapp.blueprints.staff.signals import staff_placed
from hrapp.company import company_today
from hrapp.core.errors import StaleRecord
from hrapp.core.listing import Listing, like_escape
from hrapp.core.money_fields import MONEY_MESSAGES, money_message
from hrapp.core.pay import BELOW_MINIMUM, PayPolicy
from hrapp.core.people_match import people_match
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Department, EmploymentEvent, EmploymentStatus, EventKind, Position, StaffMember
from hrapp.pay import pay_policy, record_pay
from hrapp.permissions import staff_scope_clause

# Messages for the reason codes of staff_problems() and of the database checks below.
TRANSLATED = {
    "staff_number": _l("Staff number: letters, digits and '-', at most 20 characters."),
    "name_zh": _l("Chinese name is required (at most 40 characters)."),
    "birth_future": _l("Birth date cannot be in the future."),
    "hire_before_birth": _l("Hire date cannot be before the birth date."),
    "too_young": _l("Staff must be at least 16 years old on the hire date."),
    "hire_future": _l("Hire date is more than a year in the future."),
    "hire_too_early": _l("Hire date cannot be before 1950."),
    "contact_required": _l("This contact detail is required; it cannot be removed."),
    "wage_zero": _l("A wage must be greater than 0: enter the daily wage, the monthly base pay or both."),
    "position_other_department": _l("This position belongs to another department."),
    "id_length": _l("ID number must have 18 characters."),
    "id_characters": _l("ID number: 17 digits then a digit or X."),
    "id_date": _l("ID number contains an impossible birth date."),
    "id_checksum": _l("ID number check digit is wrong."),
    "id_birth_mismatch": _l("Birth date does not match the ID number."),
    "phone": _l("Phone number: digits, spaces, '-' and a leading '+' only."),
    "too_long": _l("This text is too long."),
    "email": _l("Not a valid email address."),
    **MONEY_MESSAGES,
    BELOW_MINIMUM: _l("Below the local monthly minimum wage of %(minimum)s."),
    "left_needs_date": _l("A leaving date is required when the status is 'left'."),
    "left_without_status": _l("A leaving date is only allowed when the status is 'left'."),
    "left_before_hire": _l("Leaving date cannot be before the hire date."),
    "ends_before_hire": _l("This date cannot be before the hire date."),
    "superior_self": _l("A person cannot be their own superior."),
    "duplicate_number": _l("This staff number is already used."),
    "unknown_department": _l("Unknown department."),
    "unknown_position": _l("Unknown position."),
    "unknown_superior": _l("Unknown superior."),
}
AUDIT_FIELDS = STAFF_FIELDS
# Two clerks creating the same staff number at once: the loser gets the pre-check's message.
unique_field("uq_staff_members_staff_number", "staff_number", TRANSLATED["duplicate_number"])


class StaffValidationError(ValidationFailed):
    """Field name -> list of translated messages (the shared validation shape)."""

class StaleRecordError(StaleRecord):
    """The record changed since the editor loaded it."""


def superior_id_for(staff_number: str | None) -> int | None:
    """Id of the staff member with this number (None for blank).

    :raise StaffValidationError: no such staff number.
    """
    if not (staff_number or "").strip():
        return None
    found = db.session.scalar(sa.select(StaffMember.id).where(StaffMember.staff_number == staff_number.strip()))
    if found is None:
        raise StaffValidationError({"superior_number": [TRANSLATED["unknown_superior"]]})
    return found


def staff_data_of(staff: StaffMember) -> StaffData:
    """The editable values of a stored record."""
    return StaffData(**{name: getattr(staff, name) for name in STAFF_FIELDS})


def staff_message(code: str, policy: PayPolicy) -> str:
    """The translated text for a reason code, with the ceiling or minimum wage it names filled in."""
    if code in MONEY_MESSAGES:
        return money_message(code, policy.max_amount)
    if code == BELOW_MINIMUM:
        return str(TRANSLATED[code]) % {"minimum": f"{policy.minimum_monthly_wage:,.2f}"}
    return str(TRANSLATED[code])


def staff_errors(data: StaffData, staff: StaffMember | None = None, today: date | None = None) -> dict[str, list]:
    """Every problem with `data` (rules plus database checks), as field -> translated messages.

    Values that could not be read may be None: the other checks still run, so all problems show at once.
    """
    policy = pay_policy()
    position = db.session.get(Position, data.position_id) if data.position_id is not None else None
    codes = staff_problems(data, today or company_today(), staff.id if staff else None, policy,
                           before=staff_data_of(staff) if staff else None,
                           position_department_id=position.department_id if position else None)
    number_owner = db.session.scalar(sa.select(StaffMember.id).where(StaffMember.staff_number == data.staff_number))
    if number_owner is not None and (staff is None or number_owner != staff.id):
        codes.setdefault("staff_number", []).append("duplicate_number")
    if data.department_id is not None and db.session.get(Department, data.department_id) is None:
        codes.setdefault("department_id", []).append("unknown_department")
    if data.position_id is not None and position is None:
        codes.setdefault("position_id", []).append("unknown_position")
    if data.superior_id is not None and db.session.get(StaffMember, data.superior_id) is None:
        codes.setdefault("superior_id", []).append("unknown_superior")
    return {field: [staff_message(c, policy) for c in cs] for field, cs in codes.items()}


def check_staff(data: StaffData, staff: StaffMember | None = None) -> StaffData:
    """`data` normalised (trimmed, ID number upper-case), if valid for a new record or for `staff`.

    :raise StaffValidationError: every problem found, at once.
    """
    data = replace(data, staff_number=(data.staff_number or "").strip(), name_zh=(data.name_zh or "").strip(),
                   id_number=(data.id_number or "").strip().upper())
    errors = staff_errors(data, staff)
    if errors:
        raise StaffValidationError(errors)
    return data


def create_staff(data: StaffData, actor, event_note: str = "") -> StaffMember:
    """Create a staff record with its hire event and audit row.

    :raise StaffValidationError: any rule broken, duplicate staff number, unknown references.
    """
    data = check_staff(data)
    staff = StaffMember(**asdict(data))
    staff.status_since_on = staff.status_since_on or data.hire_on
    db.session.add(staff)
    db.session.flush()
    db.session.add(EmploymentEvent(
        staff_id=staff.id, kind=EventKind.HIRE, effective_on=data.hire_on,
        to_department_id=data.department_id, to_position_id=data.position_id,
        to_status=data.status.value, note=event_note, recorded_by_id=getattr(actor, "id", None)))
    record_pay(staff, data.monthly_base_amount, data.daily_wage_amount, data.hire_on, actor, event_note,
               is_new_staff=True)
    audit.record(actor, "staff.create", staff, None, audit.snapshot(staff, AUDIT_FIELDS))
    if staff.position_id is not None:
        staff_placed.send(None, staff=staff, position_id=staff.position_id, on=data.hire_on, reason="hire")
    return staff


def update_staff(staff: StaffMember, data: StaffData, actor, expected_version: int | None = None,
                 effective_on: date | None = None, event_note: str = "") -> list[EmploymentEvent]:
    """Apply `data` to `staff`, record transfer/promotion/status/pay events and the audit row.

    A pay change is also recorded in the pay history (hrapp.pay.record_pay), effective on
    `effective_on` (today if None).

    :raise StaleRecordError: `expected_version` is given and the record has changed since.
    :raise StaffValidationError: as for create_staff.
    :return: the employment events the change created (maybe none).
    """
    if expected_version is not None and expected_version != staff.version_id:
        raise StaleRecordError()
    data = check_staff(data, staff)
    before = staff_data_of(staff)
    if before == data:
        return []
    effective_on = effective_on or company_today()
    events = []
    for draft in history_events(before, data):
        event = EmploymentEvent(staff_id=staff.id, kind=draft.kind, effective_on=effective_on,
                                note=event_note, recorded_by_id=getattr(actor, "id", None))
        if draft.kind in (EventKind.TRANSFER, EventKind.PROMOTION):
            event.from_department_id, event.to_department_id = before.department_id, data.department_id
            event.from_position_id, event.to_position_id = before.position_id, data.position_id
        elif draft.kind == EventKind.PAY_CHANGE:
            record_pay(staff, data.monthly_base_amount, data.daily_wage_amount, effective_on, actor, event_note)
        else:
            event.from_status, event.to_status = before.status.value, data.status.value
        events.append(event)
    if before.status != data.status and data.status_since_on == before.status_since_on:
        data = replace(data, status_since_on=effective_on)
    before_snap = audit.snapshot(staff, AUDIT_FIELDS)
    for name in STAFF_FIELDS:
        setattr(staff, name, getattr(data, name))
    db.session.add_all(events)
    audit.record(actor, "staff.update", staff, *audit.changed_only(before_snap, audit.snapshot(staff, AUDIT_FIELDS)))
    if data.position_id is not None and data.position_id != before.position_id:
        db.session.flush()
        staff_placed.send(None, staff=staff, position_id=data.position_id, on=effective_on, reason="transfer")
    return events


CONTACT_FIELDS = ("phone", "emergency_contact_name", "emergency_contact_phone")


def update_own_contact(staff: StaffMember, actor, phone: str, emergency_contact_name: str,
                       emergency_contact_phone: str, expected_version: int | None = None) -> None:
    """Self-service: a person changes their phone and emergency contact, nothing else."""
    data = replace(staff_data_of(staff), phone=phone.strip(), emergency_contact_name=emergency_contact_name.strip(),
                   emergency_contact_phone=emergency_contact_phone.strip())
    if expected_version is not None and expected_version != staff.version_id:
        raise StaleRecordError()
    errors = {k: v for k, v in staff_errors(data, staff).items() if k in CONTACT_FIELDS}
    if errors:
        raise StaffValidationError(errors)
    before = audit.snapshot(staff, CONTACT_FIELDS)
    staff.phone, staff.emergency_contact_name, staff.emergency_contact_phone = (
        data.phone, data.emergency_contact_name, data.emergency_contact_phone)
    after = audit.snapshot(staff, CONTACT_FIELDS)
    if before != after:
        audit.record(actor, "staff.self_update", staff, *audit.changed_only(before, after))


@dataclass(frozen=True)
class StaffFilters:
    q: str = ""
    department_id: int | None = None
    position_id: int | None = None
    status: EmploymentStatus | None = None
    sort: str = "staff_number"


# People sort by their name's pinyin (李 li < 王 wang < 赵 zhao): neither SQLite's nor PostgreSQL's collation
# orders Chinese characters that way. The staff list and the people search both sort "name" by it.
NAME_ORDER = StaffMember.name_pinyin

# The staff list's sort keys (web list, API and export alike); paging is stable on the id.
STAFF_LISTING = Listing(sorts={
    "staff_number": StaffMember.staff_number,
    "name": NAME_ORDER,
    "hire_on": StaffMember.hire_on,
    "status": StaffMember.status,
    "department": Department.code,
}, default_sort="staff_number", tiebreak=(StaffMember.id,), max_per_page=200)


def department_subtree_ids(department_id: int) -> sa.Select:
    """A sub-select of the ids of a department and all its sub-departments."""
    root_path = sa.select(Department.path).where(Department.id == department_id).scalar_subquery()
    return sa.select(Department.id).where(Department.path.startswith(root_path))


def staff_text_match(typed: str) -> sa.ColumnElement[bool]:
    """The list's search box: what the people search finds (name, pinyin and initials, staff number or phone;
    `hrapp.core.people_match`), or any of the number, names and phone holding the text as typed (one letter, two
    digits)."""
    like = f"%{like_escape(typed.strip())}%"
    clauses = [column.ilike(like, escape="\\") for column in (
        StaffMember.staff_number, StaffMember.name_zh, StaffMember.name_en, StaffMember.phone)]
    match = people_match(typed)
    return sa.or_(*clauses, *([match.clause] if match else []))


def visible_staff(user) -> sa.Select:
    """The staff records `user` may see (`staff_scope_clause`), joined to their department (so a list may sort
    by it), with department and position loaded eagerly; unordered. The staff list, the API, the export and the
    people search all start from it."""
    return (sa.select(StaffMember).join(StaffMember.department)
            .options(contains_eager(StaffMember.department), joinedload(StaffMember.position))
            .where(staff_scope_clause(user)))


def staff_query(user, filters: StaffFilters) -> sa.Select:
    """Staff visible to `user` matching `filters`, with department and position loaded eagerly.

    The scope clause is always applied, so a filter in the query string can only narrow it.
    """
    query = visible_staff(user)
    if filters.q:
        query = query.where(staff_text_match(filters.q))
    if filters.department_id:
        query = query.where(StaffMember.department_id.in_(department_subtree_ids(filters.department_id)))
    if filters.position_id:
        query = query.where(StaffMember.position_id == filters.position_id)
    if filters.status:
        query = query.where(StaffMember.status == filters.status)
    return STAFF_LISTING.order(query, filters.sort)
