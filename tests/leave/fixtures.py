"""Fixtures of the leave tests (and of other modules' tests that need leave): the default types, and leave
written directly to set a scene (the leave parts' own tests go through the pages and the API)."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.extensions import db
from hrapp.models import LeaveEntitlement, LeaveRequest, LeaveStatus, StaffMember


@pytest.fixture
def leave_types(app):
    """The PRC default leave types (code -> LeaveType)."""
    ensure_default_types()
    from hrapp.models import LeaveType
    return {t.code: t for t in db.session.query(LeaveType)}


def write_leave(staff: StaffMember, starts_on: date, ends_on: date, code: str = "annual",
                status: LeaveStatus = LeaveStatus.APPROVED, days: Decimal | None = None,
                actor=None) -> LeaveRequest:
    """A leave request of `staff` in `status` (approved by default), written directly; calendar days unless
    `days` says otherwise."""
    ensure_default_types()
    row = LeaveRequest(staff_id=staff.id, department_id=staff.department_id, leave_type_id=leave_type(code).id,
                       starts_on=starts_on, ends_on=ends_on, status=status,
                       days=days if days is not None else Decimal((ends_on - starts_on).days + 1),
                       requested_by_id=getattr(actor, "id", None))
    db.session.add(row)
    db.session.flush()
    return row


@pytest.fixture
def approved_leave(app):
    """approved_leave(staff, first, last, code="annual", ...): see `write_leave`."""
    return write_leave


@pytest.fixture
def make_entitlement(app):
    """make_entitlement(staff, year, granted=5, carried=0, carry_expires_on=None, adjusted=0, code="annual")."""
    def make(staff, year, granted=5, carried=0, carry_expires_on=None, adjusted=0, code="annual"):
        ensure_default_types()
        row = LeaveEntitlement(staff_id=staff.id, leave_type_id=leave_type(code).id, year=year,
                               granted_days=Decimal(granted), carried_days=Decimal(carried),
                               carry_expires_on=carry_expires_on, adjusted_days=Decimal(adjusted))
        db.session.add(row)
        db.session.flush()
        return row
    return make
