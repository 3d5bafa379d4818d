"""Fixtures of the leave setup tests: `org` with the default types, and helpers to read entitlements."""
import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import LeaveEntitlement
from tests.access_matrix import people  # noqa: F401  (org plus the head of housekeeping)


@pytest.fixture
def setup_org(org, leave_types):
    """`org` with the PRC default leave types (`org.types`: code -> LeaveType)."""
    org.types = leave_types
    db.session.commit()
    return org


def entitlement(staff, year: int, leave_type) -> LeaveEntitlement | None:
    """The person's row of `year` for `leave_type`, or None."""
    return db.session.scalar(sa.select(LeaveEntitlement).where(
        LeaveEntitlement.staff_id == staff.id, LeaveEntitlement.year == year,
        LeaveEntitlement.leave_type_id == leave_type.id))
