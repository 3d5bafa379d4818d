"""The ledger tests' scene: the `org` company with wages, a fine rule and a reward rule, and helpers to read the
person page's resolution forms."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.models import Role, RuleKind
from tests.forms_html import forms_on

MONTH = "2026-05"
WAGE = Decimal("4350.00")  # 20% = 870.00


@pytest.fixture
def ledger(org, make_rule, set_wage, make_user):
    """`org` plus: wages of 4350.00 for the three staff since January, a fine rule (10–1000) and a
    compensation rule and a bonus rule; `hk_head` heads housekeeping."""
    for staff in (org.desk_staff, org.hk_staff, org.head_staff):
        set_wage(staff, WAGE, date(2026, 1, 1))
    org.fine = make_rule("L-1", RuleKind.FINE_RANGE, min_amount=Decimal("10"), max_amount=Decimal("1000"))
    org.damage = make_rule("L-2", RuleKind.COMPENSATION)
    org.bonus = make_rule("L-R", RuleKind.BONUS, min_amount=Decimal("50"), max_amount=Decimal("500"))
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    return org


def person_url(staff, month: str = MONTH) -> str:
    return f"/conduct/ledger/{staff.id}/{month}"


def page_form(client, staff, action: str, month: str = MONTH):
    """The resolution form (adjust / defer / override) of `staff`'s month page."""
    url = person_url(staff, month)
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return next(f for f in forms_on(response.get_data(as_text=True), url) if f.action == f"{url}/{action}")
