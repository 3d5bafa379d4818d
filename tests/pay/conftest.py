"""Pay fixtures: English messages, and a person with a two-record pay history."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.extensions import db
from hrapp.pay import record_pay
from tests.api.conftest import bearer


@pytest.fixture
def english(client):
    """Tests that read messages read the English ones (the session keeps the language through login)."""
    client.post("/auth/locale/en")


@pytest.fixture
def paid(org):
    """org.desk_staff: 3915.00 a month from 2020-03-01, then 5220.00 (daily 250.00 explicit) from 2025-07-01."""
    record_pay(org.desk_staff, Decimal("3915.00"), Decimal("180.00"), date(2020, 3, 1), org.hr, is_new_staff=True)
    record_pay(org.desk_staff, Decimal("5220.00"), Decimal("250.00"), date(2025, 7, 1), org.hr, note="raise")
    org.desk_staff.monthly_base_amount, org.desk_staff.daily_wage_amount = Decimal("5220.00"), Decimal("250.00")
    db.session.commit()
    return org


@pytest.fixture
def tokens(org):
    """Username -> API Authorization header, for admin, hr, head and staff (tests/api's bearer helper)."""
    return {user.username: bearer(user) for user in (org.admin, org.hr, org.head, org.staff)}
