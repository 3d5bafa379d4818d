"""Each of the 17 seeded penalty entries recorded once (through the API) gives the amount the schedule says;
the escalation ladder through the pages."""
from decimal import Decimal

import pytest

from hrapp.extensions import db
from hrapp.models import Measure, Violation, ViolationState
from tests.conduct.violations.conftest import form_data, last_violation, recent

# code -> (inputs, expected fine, expected measure)
SCHEDULE = {
    "2-1": ({"amount": "8"}, "8.00", "none"),
    "2-2": ({"amount": "60"}, "60.00", "none"),
    "2-3a": ({"minutes": 20}, "20.00", "none"),  # the default tier 11-30 minutes
    "2-3b": ({}, "600.00", "none"),  # 3 x the day's wage (4350.00 / 21.75 = 200.00)
    "2-4": ({"amount": "15"}, "15.00", "none"),
    "2-5": ({"amount": "10"}, "10.00", "none"),
    "2-6": ({"amount": "80"}, "80.00", "none"),
    "2-7": ({"amount": "200"}, "200.00", "none"),
    "2-8": ({"amount": "150"}, "150.00", "none"),
    "2-9": ({}, "0.00", "dismissal"),  # dismissal, no fine
    "2-10": ({"amount": "300.00"}, "300.00", "none"),  # the cost
    "2-11": ({"amount_involved": "120.00"}, "240.00", "none"),  # 2 x the amount involved
    "2-12": ({"amount": "100"}, "100.00", "none"),
    "2-13": ({"amount": "45.50"}, "45.50", "none"),  # the cost
    "2-14": ({"amount": "5"}, "5.00", "none"),
    "2-15": ({"amount": "7"}, "7.00", "none"),
    "2-16": ({"amount": "50"}, "50.00", "none"),
}


def test_the_catalogue_has_the_17_penalties(catalogue):
    assert sorted(code for code in catalogue if code.startswith("2-")) == sorted(SCHEDULE)


@pytest.mark.parametrize("code", sorted(SCHEDULE))
def test_each_penalty_gives_the_scheduled_amount(client, people, catalogue, api_token, code):
    inputs, fine, measure = SCHEDULE[code]
    body = {"staff_number": people.desk_staff.staff_number, "rule_code": code,
            "occurred_at": recent().isoformat(), "description": "test", **inputs}
    response = client.post("/api/v1/violations", json=body, headers=api_token(people.head))
    assert response.status_code == 201, response.get_json()
    data = response.get_json()
    assert data["amount"] == fine and data["measure"] == measure and data["state"] == "submitted"
    assert data["number"].startswith("V") and data["rule_code"] == code
    assert db.session.get(Violation, data["id"]).amount == Decimal(fine)


def test_a_serious_case_takes_the_rules_serious_measure(client, people, catalogue, api_token):
    body = {"staff_number": people.desk_staff.staff_number, "rule_code": "2-6", "occurred_at": recent().isoformat(),
            "amount": "50", "serious": True}
    data = client.post("/api/v1/violations", json=body, headers=api_token(people.hr)).get_json()
    assert data["measure"] == "dismissal"
    body |= {"rule_code": "2-1", "amount": "5"}
    response = client.post("/api/v1/violations", json=body, headers=api_token(people.hr))
    assert response.status_code == 422 and "serious" in response.get_json()["errors"]


def _record(client, people, rule, when, amount="15"):
    response = client.post("/conduct/violations/new", data=form_data(people.desk_staff, rule, when=when,
                                                                     action="submit", amount=amount))
    assert response.status_code == 302
    return last_violation()


def test_a_second_occurrence_within_90_days_doubles_with_a_written_warning(client, auth, people, catalogue):
    rule = catalogue["2-4"]
    auth.login("head")
    first = _record(client, people, rule, recent(days=40))
    assert first.occurrence == 1 and first.amount == Decimal("15.00")
    check = client.post("/conduct/violations/new", data=form_data(people.desk_staff, rule, when=recent(days=2),
                                                                  action="check", amount="15"))
    html = check.get_data(as_text=True)
    assert "30.00" in html and "书面警告" in html and 'id="check-step"' in html
    second = _record(client, people, rule, recent(days=2))
    assert second.occurrence == 2 and second.amount == Decimal("30.00")
    assert second.measure == Measure.WRITTEN_WARNING and second.ladder_multiplier == Decimal("2")
    page = client.get(f"/conduct/violations/{second.id}").get_data(as_text=True)
    assert "30.00" in page and "书面警告" in page


def test_an_occurrence_outside_the_window_does_not_escalate(client, auth, people, catalogue):
    rule = catalogue["2-4"]
    auth.login("head")
    _record(client, people, rule, recent(days=95))
    again = _record(client, people, rule, recent(days=2))
    assert again.occurrence == 1 and again.amount == Decimal("15.00") and again.measure == Measure.NONE


def test_drafts_and_void_violations_do_not_count(client, auth, people, catalogue, make_violation):
    rule = catalogue["2-4"]
    make_violation(people.desk_staff, rule, state=ViolationState.VOID, occurred_at=recent(days=20))
    make_violation(people.desk_staff, rule, state=ViolationState.DRAFT, occurred_at=recent(days=10))
    auth.login("head")
    assert _record(client, people, rule, recent(days=2)).occurrence == 1


def test_the_check_step_says_a_second_approver_is_needed_above_the_cap(client, auth, people, catalogue):
    auth.login("head")
    html = client.post("/conduct/violations/new", data=form_data(people.desk_staff, catalogue["2-3b"],
                                                                 action="check")).get_data(as_text=True)
    assert "600.00" in html and "上限" in html
