"""The ledger list and a person's month, through the pages HR uses."""
from datetime import date, datetime
from decimal import Decimal

from hrapp.models import RewardState, ViolationState

from .conftest import MONTH, person_url


def _flag_desk(ledger, make_violation, amount="870.01"):
    return make_violation(ledger.desk_staff, ledger.fine, amount=Decimal(amount))


def test_list_shows_each_person_with_flagged_first_and_totals(client, auth, ledger, make_violation, make_reward):
    make_violation(ledger.hk_staff, ledger.fine, amount=Decimal("100.00"))
    make_violation(ledger.hk_staff, ledger.damage, amount=Decimal("50.00"))
    make_reward(ledger.hk_staff, ledger.bonus, amount=Decimal("200.00"))
    _flag_desk(ledger, make_violation)
    make_violation(ledger.head_staff, ledger.fine, amount=Decimal("30.00"), state=ViolationState.SUBMITTED)
    make_reward(ledger.head_staff, ledger.bonus, amount=Decimal("80.00"), state=RewardState.PROPOSED)
    auth.login("hr")
    client.post("/auth/locale/en")
    body = client.get(f"/conduct/ledger/?month={MONTH}").get_data(as_text=True)
    table = body.split('id="ledger-table"')[1].split("</table>")[0]
    # flagged first, then the others; the head has nothing final or approved, so no row
    assert table.index(ledger.desk_staff.staff_number) < table.index(ledger.hk_staff.staff_number)
    assert ledger.head_staff.staff_number not in table
    assert 'data-status="flagged"' in table and "Flagged" in table
    row = table.split(f'data-staff="{ledger.hk_staff.id}"')[1].split("</tr>")[0]
    assert "100.00" in row and "50.00" in row and "200.00" in row and "50.00" in row
    totals = body.split('id="ledger-totals"')[1].split("</p>")[0]
    assert "970.01" in totals and "200.00" in totals and "1 flagged" in totals
    # HR sees each department's close state: FO-DESK is blocked by the flag, FO by the open violation
    states = body.split('id="ledger-close-states"')[1]
    assert states.split(f'data-department="{ledger.front_desk.id}"')[1].split("</tr>")[0].count("Blocked") == 1
    assert "Blocked" in states.split(f'data-department="{ledger.front.id}"')[1].split("</tr>")[0]
    assert "Ready to close" in states.split(f'data-department="{ledger.housekeeping.id}"')[1].split("</tr>")[0]


def test_list_filters_and_empty_state(client, auth, ledger, make_violation):
    _flag_desk(ledger, make_violation)
    make_violation(ledger.hk_staff, ledger.fine, amount=Decimal("20.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    only_fo = client.get(f"/conduct/ledger/?month={MONTH}&department_id={ledger.front.id}").get_data(as_text=True)
    assert ledger.desk_staff.staff_number in only_fo and ledger.hk_staff.staff_number not in only_fo
    ok_only = client.get(f"/conduct/ledger/?month={MONTH}&status=ok").get_data(as_text=True)
    table = ok_only.split('id="ledger-table"')[1]
    assert ledger.hk_staff.staff_number in table and ledger.desk_staff.staff_number not in table
    by_name = client.get(f"/conduct/ledger/?month={MONTH}&q=赵").get_data(as_text=True)
    assert ledger.hk_staff.staff_number in by_name and ledger.desk_staff.staff_number not in by_name.split(
        'id="ledger-table"')[1]
    empty = client.get("/conduct/ledger/?month=2026-01").get_data(as_text=True)
    assert "Nobody has final violations" in empty
    assert client.get("/conduct/ledger/?month=2026-13").status_code == 404
    assert client.get("/conduct/ledger/?month=junk").status_code == 404
    assert client.get("/conduct/ledger/").status_code == 200  # this month


def test_list_in_chinese(client, auth, ledger, make_violation):
    _flag_desk(ledger, make_violation)
    auth.login("hr")
    body = client.get(f"/conduct/ledger/?month={MONTH}").get_data(as_text=True)
    assert "奖惩台账" in body and "已标记" in body


def test_person_month_lists_the_records_and_the_flag(client, auth, ledger, make_violation, make_reward):
    counted = _flag_desk(ledger, make_violation)
    waiting = make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("40.00"), state=ViolationState.APPEALED)
    make_reward(ledger.desk_staff, ledger.bonus, amount=Decimal("100.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    body = client.get(person_url(ledger.desk_staff)).get_data(as_text=True)
    assert counted.number in body and waiting.number in body and "Appealed" in body
    figures = body.split('id="month-figures"')[1].split('id="month-status"')[0]
    assert "870.01" in figures and "4350.00" in figures and "-770.01" in figures
    assert 'data-status="flagged"' in body and "above the legal share" in body
    assert 'id="adjust-form"' in body and 'id="defer-form"' in body and 'id="override-form"' in body


def test_person_month_without_a_flag_offers_no_resolution(client, auth, ledger, make_violation):
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("870.00"))  # exactly 20%
    auth.login("hr")
    body = client.get(person_url(ledger.desk_staff)).get_data(as_text=True)
    assert 'data-status="ok"' in body and 'id="adjust-form"' not in body
    assert client.get(person_url(ledger.desk_staff, "2026-13")).status_code == 404
    assert client.get(person_url(ledger.desk_staff, "99999-01")).status_code == 404


def test_no_wage_is_flagged_only_with_deductions(client, auth, org, make_rule, make_violation, make_reward):
    from hrapp.models import RuleKind
    fine = make_rule(kind=RuleKind.FINE_RANGE, min_amount=Decimal("1"), max_amount=Decimal("100"))
    bonus = make_rule(kind=RuleKind.BONUS, min_amount=Decimal("1"))
    make_violation(org.desk_staff, fine, amount=Decimal("5.00"))
    make_reward(org.hk_staff, bonus, amount=Decimal("50.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    assert "No wage recorded" in client.get(person_url(org.desk_staff)).get_data(as_text=True)
    assert 'data-status="ok"' in client.get(person_url(org.hk_staff)).get_data(as_text=True)


def test_the_wage_in_force_on_the_last_day_of_the_month(client, auth, ledger, set_wage, make_violation):
    set_wage(ledger.desk_staff, Decimal("5000.00"), date(2026, 5, 31))  # 20% = 1000.00
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("900.00"), occurred_at=datetime(2026, 5, 3, 2))
    auth.login("hr")
    assert 'data-status="ok"' in client.get(person_url(ledger.desk_staff)).get_data(as_text=True)
