"""Staff record rules: pure, no app, no database."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.staff.rules import StaffData, add_years, history_events, staff_problems
from hrapp.core.idcard import birth_date_of, check_digit, id_number_problem
from hrapp.core.text import mask_id_number
from hrapp.models.staff import EmploymentStatus, EventKind, Gender

TODAY = date(2026, 11, 22)


def valid_id(birth: date) -> str:
    first17 = f"110101{birth:%Y%m%d}123"
    return first17 + check_digit(first17)


def data(**kw) -> StaffData:
    base = dict(staff_number="S001", name_zh="张三", gender=Gender.MALE, department_id=1,
                hire_on=date(2020, 1, 1), birth_on=date(1990, 5, 17), id_number=valid_id(date(1990, 5, 17)),
                daily_wage_amount=Decimal("200.00"))
    return StaffData(**(base | kw))


def test_valid_record_has_no_problems():
    assert staff_problems(data(), TODAY) == {}


@pytest.mark.parametrize("kw, field, code", [
    ({"staff_number": "S 01"}, "staff_number", "staff_number"),
    ({"staff_number": ""}, "staff_number", "staff_number"),
    ({"name_zh": "  "}, "name_zh", "name_zh"),
    ({"birth_on": date(2027, 1, 1), "id_number": ""}, "birth_on", "birth_future"),
    ({"hire_on": date(1990, 5, 16)}, "hire_on", "hire_before_birth"),
    ({"hire_on": date(2006, 5, 16)}, "hire_on", "too_young"),
    ({"hire_on": date(2028, 1, 1)}, "hire_on", "hire_future"),
    ({"id_number": "123"}, "id_number", "id_length"),
    ({"id_number": "11010119900517123A"}, "id_number", "id_characters"),
    ({"id_number": "110101199002301230"}, "id_number", "id_date"),
    ({"phone": "call me"}, "phone", "phone"),
    ({"email": "not-an-address"}, "email", "email"),
    ({"email": "a@b.cn" + "x" * 120}, "email", "too_long"),
    ({"name_en": "x" * 81}, "name_en", "too_long"),
    ({"notes": "x" * 2001}, "notes", "too_long"),
    ({"daily_wage_amount": Decimal("-1")}, "daily_wage_amount", "pay_negative"),
    ({"monthly_base_amount": Decimal("1.005")}, "monthly_base_amount", "pay_precision"),
    ({"monthly_base_amount": Decimal("100000000")}, "monthly_base_amount", "pay_too_large"),
    ({"status": EmploymentStatus.LEFT}, "left_on", "left_needs_date"),
    ({"left_on": date(2024, 1, 1)}, "left_on", "left_without_status"),
    ({"status": EmploymentStatus.LEFT, "left_on": date(2019, 1, 1)}, "left_on", "left_before_hire"),
    ({"hire_on": date(1949, 12, 31)}, "hire_on", "hire_too_early"),
    ({"daily_wage_amount": Decimal("0"), "monthly_base_amount": Decimal("0")}, "daily_wage_amount", "wage_zero"),
])
def test_staff_problem_detected(kw, field, code):
    assert code in staff_problems(data(**kw), TODAY).get(field, [])


def test_id_number_checksum_and_birth_mismatch():
    good = valid_id(date(1990, 5, 17))
    bad_check = good[:17] + ("0" if good[17] != "0" else "1")
    assert "id_checksum" in staff_problems(data(id_number=bad_check), TODAY)["id_number"]
    other = valid_id(date(1991, 5, 17))
    assert staff_problems(data(id_number=other), TODAY) == {"birth_on": ["id_birth_mismatch"]}


def test_sixteenth_birthday_is_the_first_allowed_hire_day():
    birth = date(2004, 2, 29)
    ok = data(birth_on=birth, id_number=valid_id(birth), hire_on=date(2020, 3, 1))
    young = data(birth_on=birth, id_number=valid_id(birth), hire_on=date(2020, 2, 28))
    assert staff_problems(ok, TODAY) == {}
    assert "too_young" in staff_problems(young, TODAY)["hire_on"]
    assert add_years(birth, 1) == date(2005, 3, 1)


def test_superior_cannot_be_self():
    assert staff_problems(data(superior_id=7), TODAY, staff_id=7) == {"superior_id": ["superior_self"]}


def test_idcard_helpers():
    number = valid_id(date(1985, 12, 31))
    assert id_number_problem(number) is None
    assert birth_date_of(number) == date(1985, 12, 31)
    assert check_digit("11010519491231002") == "X"  # the GB 11643 worked example


@pytest.mark.parametrize("value, shown", [
    ("", ""), (None, ""), ("12345", "*****"), ("110101199005171234", "110***********1234"),
])
def test_mask_id_number(value, shown):
    assert mask_id_number(value) == shown


def test_history_events_for_transfer_promotion_and_status():
    before = data()
    assert history_events(before, before) == []
    assert [e.kind for e in history_events(before, data(department_id=2))] == [EventKind.TRANSFER]
    assert [e.kind for e in history_events(before, data(position_id=3))] == [EventKind.PROMOTION]
    moved_and_suspended = data(department_id=2, position_id=3, status=EmploymentStatus.SUSPENDED)
    assert [e.kind for e in history_events(before, moved_and_suspended)] == [EventKind.TRANSFER, EventKind.STATUS_CHANGE]


def test_unreadable_values_skip_only_their_own_checks():
    problems = staff_problems(data(hire_on=None, daily_wage_amount=None, staff_number="", gender=None), TODAY)
    assert problems == {"staff_number": ["staff_number"]}


def test_a_position_must_belong_to_the_department():
    assert staff_problems(data(position_id=7), TODAY, position_department_id=2) == {
        "position_id": ["position_other_department"]}
    assert staff_problems(data(position_id=7), TODAY, position_department_id=1) == {}


def test_filled_contact_fields_cannot_be_blanked():
    before = data(phone="13700001111", emergency_contact_name="李母", emergency_contact_phone="")
    assert staff_problems(data(phone="", emergency_contact_name=""), TODAY, before=before) == {
        "phone": ["contact_required"], "emergency_contact_name": ["contact_required"]}
    assert staff_problems(data(phone="13900002222", emergency_contact_name="李父"), TODAY, before=before) == {}


def test_one_paid_figure_is_a_wage():
    assert staff_problems(data(daily_wage_amount=Decimal("0"), monthly_base_amount=Decimal("4500")), TODAY) == {}
