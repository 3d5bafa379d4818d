"""Fixtures of the leave requests tests: `site` (org, the default types, a head of housekeeping, five days of
annual leave for 2027 for the front-desk clerk) and helpers to ask through the service."""
from datetime import date, timedelta

import pytest

from hrapp.blueprints.leave.requests.services import LeaveDraft, create_request
from hrapp.extensions import db
from hrapp.models import Role

MON = date(2027, 1, 4)  # a Monday after the tests' today (2026-12), no holidays in the calendar


def day(n: int) -> date:
    """MON + n days."""
    return MON + timedelta(days=n)


@pytest.fixture
def site(org, make_user, leave_types, make_entitlement):
    org.types = leave_types
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    org.entitlement = make_entitlement(org.desk_staff, 2027, granted=5)
    db.session.commit()
    return org


def ask(actor, staff, code: str, first: date, last: date, types, **kw):
    """create_request through the service with a type code."""
    return create_request(actor, staff, types[code], LeaveDraft(types[code].id, first, last,
                                                                kw.pop("starts_afternoon", False),
                                                                kw.pop("ends_at_noon", False),
                                                                kw.pop("reason", "家事")), **kw)
