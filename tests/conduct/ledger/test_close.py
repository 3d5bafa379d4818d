"""The guard rail blocks the month's close on HR's period-close page until HR resolves the flag (each of the
three ways); open violations block it too; a closed month refuses the ledger's writes."""
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import PeriodClose, Violation, ViolationState
from tests.conftest import count

from .conftest import MONTH, page_form
from .test_resolutions import _row_field


def _close(client, department, include_sub_departments=False):
    data = {"module": "conduct", "department_id": department.id, "month": MONTH, "expected_version": 0,
            "confirm": "y"} | ({"include_sub_departments": "y"} if include_sub_departments else {})
    return client.post("/periods/close", data=data, follow_redirects=True).get_data(as_text=True)


def _resolve(client, staff, how: str, fine):
    form = page_form(client, staff, how)
    changes = {"adjust": lambda: {_row_field(form, fine, "amount"): "870.00"},
               "defer": lambda: {_row_field(form, fine, "chosen"): "y"}, "override": dict}[how]()
    response = client.post(form.action, data=form.replaced(**changes, **{f"{how}-reason": "HR decided"}))
    assert response.status_code == 302, response.get_data(as_text=True)


@pytest.mark.parametrize("how", ["adjust", "defer", "override"])
def test_fines_over_20_percent_block_the_close_until_resolved(client, auth, ledger, make_violation, how):
    fine = make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("870.01"))  # 20% of 4350.00 + 0.01
    auth.login("hr")
    client.post("/auth/locale/en")
    refused = _close(client, ledger.front_desk)
    assert "break the legal guard rail" in refused and ledger.desk_staff.name_zh in refused
    assert count(PeriodClose) == 0
    # closing the parent with its sub-departments is refused as a whole
    assert "break the legal guard rail" in _close(client, ledger.front, include_sub_departments=True)
    assert count(PeriodClose) == 0
    _resolve(client, ledger.desk_staff, how, fine)
    closed = _close(client, ledger.front, include_sub_departments=True)
    assert "closed for 2 department(s)" in closed
    assert {r.department_id for r in db.session.scalars(sa.select(PeriodClose))} == {ledger.front.id,
                                                                                     ledger.front_desk.id}


def test_the_close_page_in_chinese_names_the_problem(client, auth, ledger, make_violation):
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("900.00"))
    auth.login("hr")
    assert "超出法定限额" in _close(client, ledger.front_desk)


def test_open_violations_block_the_close_until_decided(client, auth, ledger, make_violation):
    waiting = make_violation(ledger.hk_staff, ledger.fine, amount=Decimal("20.00"), state=ViolationState.APPEALED)
    make_violation(ledger.hk_staff, ledger.fine, amount=Decimal("20.00"), state=ViolationState.DRAFT)  # no block
    auth.login("hr")
    client.post("/auth/locale/en")
    refused = _close(client, ledger.housekeeping)
    assert "1 violation(s) still wait for a decision" in refused and waiting.number in refused
    assert count(PeriodClose) == 0
    db.session.get(Violation, waiting.id).state = ViolationState.FINAL
    db.session.commit()
    assert "closed for 1 department(s)" in _close(client, ledger.housekeeping)


def test_other_months_and_modules_are_not_blocked(client, auth, ledger, make_violation):
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("900.00"), ledger_month="2026-04")
    auth.login("hr")
    client.post("/auth/locale/en")
    assert "closed for 1 department(s)" in _close(client, ledger.front_desk)  # May is clean
    roster = client.post("/periods/close", data={"module": "roster", "department_id": ledger.front_desk.id,
                                                 "month": "2026-04", "expected_version": 0, "confirm": "y"},
                         follow_redirects=True).get_data(as_text=True)
    assert "closed for 1 department(s)" in roster


def test_a_write_into_a_closed_month_is_refused(client, auth, ledger, make_violation):
    fine = make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("900.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "adjust")  # the page as it was before the close
    _resolve(client, ledger.desk_staff, "override", fine)
    assert "closed for 1 department(s)" in _close(client, ledger.front_desk)
    page = client.get(f"/conduct/ledger/{ledger.desk_staff.id}/{MONTH}").get_data(as_text=True)
    assert 'id="month-closed"' in page and 'id="adjust-form"' not in page
    response = client.post(form.action, data=form.replaced(**{_row_field(form, fine, "amount"): "10.00",
                                                              "adjust-reason": "late"}), follow_redirects=True)
    assert "are closed" in response.get_data(as_text=True) and "until HR reopens the period" in \
        response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, fine.id).amount == Decimal("900.00")


def test_defer_into_a_closed_next_month_is_refused(client, auth, ledger, make_violation):
    fine = make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("900.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    client.post("/periods/close", data={"module": "conduct", "department_id": ledger.front_desk.id,
                                        "month": "2026-06", "expected_version": 0, "confirm": "y"})
    assert count(PeriodClose) == 1
    form = page_form(client, ledger.desk_staff, "defer")
    response = client.post(form.action, data=form.replaced(**{_row_field(form, fine, "chosen"): "y",
                                                              "defer-reason": "x"}), follow_redirects=True)
    assert "2026-06" in response.get_data(as_text=True) and "are closed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, fine.id).ledger_month == MONTH
