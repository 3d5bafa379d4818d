"""Asking for leave and HR recording it: every refusal checked in one place, under a lock on the person, so two
requests sent at once cannot both pass the overlap and balance checks. Never commits; the actor is passed in.

The lock: the person's row is claimed with a write that changes nothing (`UPDATE staff_members SET id = id`),
a row lock on PostgreSQL (held to the commit) and the database's write lock on SQLite (which runs writers one
at a time), so a second request's checks see the first once it commits.
"""
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp import audit
from hrapp.blueprints.leave.balances import leave_balance
from hrapp.blueprints.leave.setup.services import blackout_for
from hrapp.core.attachments import AttachmentRefused, attach_file, owner_for
from hrapp.extensions import db
from hrapp.models import OPEN_LEAVE, LeaveRequest, LeaveStatus, LeaveType, StaffMember, utcnow
from hrapp.notifications import notify
from hrapp.period_close import ensure_open

from . import rules
from .days import count_request, terms_of
from .effects import leave_approved, shape_of
from .messages import LeaveRequestError, refusal
from .workflow import LEAVE_KIND, leave_link, person_users, to_approvers

OWNER = "LeaveRequest"  # the attachment owner name (a sick note)
AUDIT_FIELDS = ("staff_id", "leave_type_id", "starts_on", "ends_on", "starts_afternoon", "ends_at_noon", "days",
                "reason", "status")


@dataclass(frozen=True)
class LeaveDraft:
    """What a person (or HR for them) asks: the type, the dates and halves, why."""

    leave_type_id: int | None
    starts_on: date | None
    ends_on: date | None
    starts_afternoon: bool = False
    ends_at_noon: bool = False
    reason: str = ""

    def shape(self) -> rules.RequestShape:
        return rules.RequestShape(self.starts_on, self.ends_on, bool(self.starts_afternoon), bool(self.ends_at_noon))


@dataclass(frozen=True)
class NoteFile:
    """An uploaded note (a doctor's note) to attach to the request."""

    stream: BinaryIO
    filename: str


def lock_person(staff: StaffMember) -> None:
    """Claim the person's row until the commit (see the module docstring)."""
    db.session.execute(sa.update(StaffMember).where(StaffMember.id == staff.id).values(id=StaffMember.id)
                       .execution_options(synchronize_session=False))


def open_overlap(staff_id: int, shape: rules.RequestShape, exclude_id: int | None = None) -> LeaveRequest | None:
    """Another open (pending, awaiting HR or approved) request of the person sharing a (half) day."""
    rows = db.session.scalars(sa.select(LeaveRequest).where(
        LeaveRequest.staff_id == staff_id, LeaveRequest.status.in_(OPEN_LEAVE),
        LeaveRequest.starts_on <= shape.ends_on, LeaveRequest.ends_on >= shape.starts_on,
        LeaveRequest.id != (exclude_id or -1)).order_by(LeaveRequest.starts_on))
    return next((r for r in rows if rules.overlaps(shape, shape_of(r))), None)


def check_request(staff: StaffMember, leave_type: LeaveType, shape: rules.RequestShape, has_note: bool,
                  exclude_id: int | None = None, blackouts: bool = True, note_needed: bool = True):
    """The days `shape` uses, once nothing refuses it: the shape, employment, a closed attendance month, an
    overlapping open request, a blackout (unless the type ignores them or `blackouts` is off), the type's cap,
    the balance (leaving `exclude_id` out) and the note. Locks the person first (overlap and balance race).

    :raise LeaveRequestError: field -> message. :raise PeriodClosed: a day lies in a closed attendance month.
    """
    lock_person(staff)  # first: on SQLite the write lock must come before this transaction reads anything
    if not leave_type.active:
        raise refusal("leave_type_id", "inactive_type")
    terms = terms_of(leave_type)
    for field, code in rules.shape_problems(shape, terms).items():
        raise refusal(field, code)
    if (code := rules.employment_problem(shape, staff.hire_on, staff.left_on)) is not None:
        raise refusal("starts_on" if code == "before_hire" else "ends_on", code)
    ensure_open("attendance", staff.department, rules.days_between(shape.starts_on, shape.ends_on))
    days = count_request(staff, leave_type, shape)
    if (other := open_overlap(staff.id, shape, exclude_id)) is not None:
        raise refusal("starts_on", "overlap", first=other.starts_on.isoformat(), last=other.ends_on.isoformat())
    if blackouts and (blackout := blackout_for(staff, shape.starts_on, shape.ends_on, leave_type)) is not None:
        raise refusal("starts_on", "blackout", first=blackout.starts_on.isoformat(),
                      last=blackout.ends_on.isoformat(), reason=blackout.reason)
    balance = leave_balance(staff, leave_type, shape.starts_on, exclude_request_id=exclude_id)
    available = balance.available if balance is not None else None
    for field, code in rules.amount_problems(days, terms, available, has_note or not note_needed).items():
        raise refusal(field, code, max=terms.max_days, available=available, days=days, after=terms.note_after_days)
    return days


def _attach(actor, leave: LeaveRequest, note: NoteFile | None) -> None:
    if note is None:
        return
    try:
        attach_file(owner_for(OWNER), leave, note.stream, note.filename, actor, note="")
    except AttachmentRefused as exc:
        raise LeaveRequestError({"note_file": [exc.message]}) from exc


def _new(actor, staff: StaffMember, leave_type: LeaveType, shape: rules.RequestShape, days, reason: str,
         status: LeaveStatus, idempotency_key: str | None) -> LeaveRequest:
    leave = LeaveRequest(staff=staff, department_id=staff.department_id, leave_type=leave_type,
                         starts_on=shape.starts_on, ends_on=shape.ends_on, starts_afternoon=shape.starts_afternoon,
                         ends_at_noon=shape.ends_at_noon, days=days, reason=(reason or "").strip()[:500],
                         status=status, requested_by_id=getattr(actor, "id", None), idempotency_key=idempotency_key)
    db.session.add(leave)
    db.session.flush()
    return leave


def _label(leave: LeaveRequest) -> str:
    return f"{leave.staff.staff_number} {leave.starts_on.isoformat()}"


def create_request(actor, staff: StaffMember, leave_type: LeaveType, draft: LeaveDraft,
                   note: NoteFile | None = None, idempotency_key: str | None = None) -> LeaveRequest:
    """Ask for leave for `staff` (the actor themselves, or HR on their behalf): checked (check_request), stored
    as pending with the note attached, audited, and sent to the approvers.

    :raise LeaveRequestError / PeriodClosed: see check_request (and a refused note file).
    """
    shape = draft.shape()
    days = check_request(staff, leave_type, shape, has_note=note is not None)
    leave = _new(actor, staff, leave_type, shape, days, draft.reason, LeaveStatus.PENDING, idempotency_key)
    audit.record(actor, "leave_request.create", leave, None, audit.snapshot(leave, AUDIT_FIELDS), label=_label(leave))
    _attach(actor, leave, note)
    users, text, link, kind = to_approvers(leave, actor, "")
    notify(users, text, link, kind=kind)
    return leave


def record_leave(actor, staff: StaffMember, leave_type: LeaveType, first: date, last: date,
                 starts_afternoon: bool = False, ends_at_noon: bool = False, reason: str = "",
                 note: NoteFile | None = None) -> LeaveRequest:
    """HR records leave as approved at once (leave already agreed, or taken): the same checks as a request but
    HR's word stands for a blackout and the note; then the roster, rest owed and attendance follow
    (effects.leave_approved) and the person is told.

    :raise LeaveRequestError / PeriodClosed: see check_request.
    """
    shape = rules.RequestShape(first, last, starts_afternoon, ends_at_noon)
    days = check_request(staff, leave_type, shape, has_note=note is not None, blackouts=False, note_needed=False)
    leave = _new(actor, staff, leave_type, shape, days, reason, LeaveStatus.APPROVED, None)
    leave.decided_by_id, leave.decided_at = getattr(actor, "id", None), utcnow()
    audit.record(actor, "leave_request.record", leave, None, audit.snapshot(leave, AUDIT_FIELDS), label=_label(leave))
    _attach(actor, leave, note)
    leave_approved(actor, leave)
    notify(person_users(leave), lambda: _recorded_text(leave), leave_link(leave), kind=LEAVE_KIND)
    return leave


def _recorded_text(leave: LeaveRequest) -> str:
    return _("HR recorded your %(type)s from %(first)s to %(last)s (%(days)s days).", type=leave.leave_type.name,
             first=leave.starts_on.isoformat(), last=leave.ends_on.isoformat(), days=leave.days)
