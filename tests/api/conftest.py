"""API fixtures: bearer-token headers for the `org` users, and a valid staff payload."""
import pytest

from hrapp.blueprints.auth.tokens import issue_api_token
from hrapp.extensions import db


def bearer(user) -> dict[str, str]:
    """Authorization header with a fresh token for `user` (committed, as the API needs)."""
    _row, clear = issue_api_token(user)
    db.session.commit()
    return {"Authorization": f"Bearer {clear}"}


@pytest.fixture
def tokens(org):
    """Username -> Authorization header, for admin, hr, head, staff and other."""
    return {user.username: bearer(user) for user in (org.admin, org.hr, org.head, org.staff, org.other_staff)}


@pytest.fixture
def staff_payload(org):
    """A complete, valid body for POST /api/v1/staff (in the housekeeping department)."""
    return {
        "staff_number": "N0001", "name_zh": "新员工", "name_en": "New Hire", "gender": "male",
        "birth_on": "1995-06-15", "department_id": org.housekeeping.id, "hire_on": "2024-02-01",
        "status": "probation", "daily_wage_amount": "180.50", "monthly_base_amount": "4500",
        "phone": "+86 138-0000-0000", "email": "new@example.com",
    }
