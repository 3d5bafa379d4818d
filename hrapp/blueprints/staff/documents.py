"""The staff record card (员工档案卡) as a report type: what it prints and how it is found."""
from collections.abc import Sequence

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.sources import date_text, text
from hrapp.blueprints.reports.types import BulkSource, RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.blueprints.staff.pdf import TITLE, HistoryRow, StaffCardData, build_staff_card
from hrapp.core.text import mask_id_number
from hrapp.extensions import db
from hrapp.models import Department, EmploymentEvent, EmploymentStatus, StaffMember


def _status(value: str) -> str:
    return text(EmploymentStatus(value)) if value in EmploymentStatus._value2member_map_ else value


def _event_detail(event) -> str:
    parts = []
    if event.to_department:
        parts.append(f"{event.from_department.name if event.from_department else ''} → {event.to_department.name}")
    if event.to_position:
        parts.append(f"{event.from_position.name if event.from_position else ''} → {event.to_position.name}")
    if event.to_status:
        parts.append(f"{_status(event.from_status)} → {_status(event.to_status)}")
    return "; ".join(p.strip() for p in parts)


def staff_card_data(staff: StaffMember, letterhead: Letterhead, labels: tuple[str, ...]) -> StaffCardData:
    """The record card of `staff`, oldest history first; the ID number masked."""
    history = tuple(HistoryRow(date_text(e.effective_on), text(e.kind), _event_detail(e), e.note)
                    for e in reversed(staff.events))
    return StaffCardData(
        letterhead=letterhead, staff_number=staff.staff_number, name=staff.name_zh, name_en=staff.name_en,
        gender=text(staff.gender), birth_on=date_text(staff.birth_on), id_number_masked=mask_id_number(staff.id_number),
        department=staff.department.name, position=staff.position.name if staff.position else "",
        superior=staff.superior.display_name if staff.superior else "", hire_on=date_text(staff.hire_on),
        status=text(staff.status), phone=staff.phone, email=staff.email,
        emergency_contact=f"{staff.emergency_contact_name} {staff.emergency_contact_phone}".strip(),
        history=history, signature_labels=labels)




def staff_subject(staff: StaffMember) -> Subject:
    return Subject(key=f"staff:{staff.id}", label=f"{staff.staff_number} {staff.name_zh}"[:160],
                   staff_id=staff.id, department_id=staff.department_id, source_id=staff.id)


def find_staff(args: Sequence[str]) -> StaffMember:
    """`report staff-card STAFF_NUMBER`."""
    record = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == args[0]))
    if record is None:
        raise RecordNotFound(f"Unknown staff number {args[0]}")
    return record


def current_staff_ids(department: Department, include_subdepartments: bool) -> list[int]:
    """The department's staff who have not left (sub-departments optional), by staff number."""
    where = (Department.path.startswith(department.path) if include_subdepartments
             else Department.id == department.id)
    return list(db.session.scalars(
        sa.select(StaffMember.id).join(Department, StaffMember.department_id == Department.id)
        .where(where, StaffMember.status != EmploymentStatus.LEFT).order_by(StaffMember.staff_number)))


def load_for_cards(ids: list[int]) -> list[StaffMember]:
    """Staff with everything a record card prints, in a handful of queries."""
    events = selectinload(StaffMember.events)
    return list(db.session.scalars(sa.select(StaffMember).where(StaffMember.id.in_(ids)).options(
        joinedload(StaffMember.department), joinedload(StaffMember.position), joinedload(StaffMember.superior),
        events.joinedload(EmploymentEvent.from_department), events.joinedload(EmploymentEvent.to_department),
        events.joinedload(EmploymentEvent.from_position), events.joinedload(EmploymentEvent.to_position),
    ).order_by(StaffMember.staff_number)))


STAFF_CARD_FIELDS = {
    "staff_number": _l("Staff number"), "name": _l("Name"), "name_en": _l("English name"), "gender": _l("Gender"),
    "birth_on": _l("Birth date"), "id_number_masked": _l("ID number"), "department": _l("Department"),
    "position": _l("Position"), "superior": _l("Superior"), "hire_on": _l("Hire date"), "status": _l("Status"),
    "phone": _l("Phone"), "email": _l("Email"), "emergency_contact": _l("Emergency contact"),
    "history": _l("History"),
}

STAFF_CARD = ReportType(
    kind="staff_card", name="staff-card", prefix="SC", title=TITLE, slots=(
        SlotSpec("人事部 HR", "issuer", "人事档案核准 Staff record certified"),
        SlotSpec("员工确认 Staff acknowledgement", "subject", "本人确认 Acknowledged by the staff member",
                 required=False),
    ),
    model=StaffMember, subject=staff_subject, data=staff_card_data, builder=build_staff_card, find=find_staff,
    cli_args="STAFF_NUMBER", field_labels=STAFF_CARD_FIELDS, back_endpoint=lambda staff: ("staff.show_staff", {"staff_id": staff.id}),
    bulk=BulkSource(ids=current_staff_ids, load=load_for_cards, label=lambda staff: staff.staff_number,
                    description=_l("Every current staff member of the department gets a new record card, signed by "
                                   "you. The work runs in the background; you can leave the progress page.")))
