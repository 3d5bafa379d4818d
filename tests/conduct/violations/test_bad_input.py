"""Every bad input gets its field's message at once and stores nothing (through the form)."""
from datetime import date, timedelta

import lxml.html
import pytest

from hrapp.extensions import db
from hrapp.models import ConductRule, PeriodClose, PeriodKind, StaffMember, Violation
from tests.conduct.violations.conftest import form_data, recent
from tests.conftest import count


def invalid_fields(html: str) -> set[str]:
    """The names of the form's fields marked invalid."""
    tree = lxml.html.fromstring(html)
    return {el.get("name") for el in tree.xpath("//*[contains(concat(' ', @class, ' '), ' is-invalid ')]")}


def post(client, data) -> set[str]:
    response = client.post("/conduct/violations/new", data=data)
    assert response.status_code == 200
    return invalid_fields(response.get_data(as_text=True))


@pytest.mark.parametrize("action", ["check", "draft", "submit"])
@pytest.mark.parametrize("amount", ["25", "9.99", "-5", "NaN", "10.123", "", "abc"])
def test_bad_amounts_of_a_range_rule(client, auth, people, catalogue, action, amount):
    auth.login("head")
    assert post(client, form_data(people.desk_staff, catalogue["2-4"], action=action, amount=amount)) == {"amount"}
    assert count(Violation) == 0


def test_an_amount_for_a_computed_rule_must_match(client, auth, people, catalogue):
    auth.login("head")
    data = form_data(people.desk_staff, catalogue["2-11"], amount="10", amount_involved="100")
    assert post(client, data) == {"amount"}
    assert post(client, form_data(people.desk_staff, catalogue["2-11"])) == {"amount_involved"}
    assert post(client, form_data(people.desk_staff, catalogue["2-3a"])) == {"minutes"}
    assert count(Violation) == 0


def test_a_daily_wage_rule_without_a_wage_record(client, auth, people, catalogue):
    auth.login("hr")
    assert post(client, form_data(people.hk_staff, catalogue["2-3b"])) == {"amount"}


def test_dates_in_the_future_before_hire_after_leaving(client, auth, people, catalogue):
    auth.login("head")
    future = recent(days=-2)
    assert post(client, form_data(people.desk_staff, catalogue["2-1"], when=future, amount="5")) == {"occurred_at"}
    before_hire = recent().replace(year=2019)
    assert post(client, form_data(people.desk_staff, catalogue["2-1"], when=before_hire, amount="5")) \
        == {"occurred_at"}
    db.session.get(StaffMember, people.desk_staff.id).left_on = date.today() - timedelta(days=10)
    db.session.commit()
    assert post(client, form_data(people.desk_staff, catalogue["2-1"], when=recent(days=1), amount="5")) \
        == {"occurred_at"}
    assert count(Violation) == 0


def test_a_head_never_records_for_another_department_or_themselves(client, auth, people, catalogue):
    auth.login("head")
    assert post(client, form_data(people.hk_staff, catalogue["2-1"], amount="5")) == {"staff_number"}
    assert post(client, form_data(people.head_staff, catalogue["2-1"], amount="5")) == {"staff_number"}
    unknown = form_data(people.desk_staff, catalogue["2-1"], amount="5", staff_number="NOPE")
    assert post(client, unknown) == {"staff_number"}
    assert count(Violation) == 0


def test_every_problem_is_reported_at_once(client, auth, people, catalogue):
    auth.login("head")
    data = form_data(people.hk_staff, catalogue["2-4"], when=recent(days=-2), amount="10.123")
    assert post(client, data) == {"staff_number", "occurred_at", "amount"}


def test_an_inactive_rule_is_refused(client, auth, people, catalogue):
    db.session.get(ConductRule, catalogue["2-1"].id).active = False
    db.session.commit()
    auth.login("head")
    assert "rule_id" in post(client, form_data(people.desk_staff, catalogue["2-1"], amount="5"))


def test_a_closed_month_is_refused(client, auth, people, catalogue):
    when = recent(days=3)
    first = when.date().replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    db.session.add(PeriodClose(module="conduct", period_kind=PeriodKind.MONTH, starts_on=first, ends_on=last,
                               department_id=people.front_desk.id, closed_by_id=people.hr.id))
    db.session.commit()
    auth.login("head")
    assert post(client, form_data(people.desk_staff, catalogue["2-1"], when=when, amount="5")) == {"occurred_at"}
    assert count(Violation) == 0
