"""Wages are seen by HR and administrators (and the person, their own) — never by heads: on the staff
page, in the export, in the API; the pay history only by HR and administrators."""
import csv
import io

import pytest

from tests.routes.test_staff_routes import _edit_form

WAGE_TEXTS = ("5220.00", "250.00", "3915.00")


def _page(client, auth, user, staff) -> str:
    auth.login(user)
    response = client.get(f"/staff/{staff.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("user", ["hr", "admin"])
def test_hr_and_admin_see_wage_and_pay_history_on_the_page(client, auth, paid, user):
    page = _page(client, auth, user, paid.desk_staff)
    assert 'id="daily-wage">250.00<' in page and 'id="monthly-base">5220.00<' in page
    assert 'id="pay-history"' in page and "3915.00" in page


def test_head_sees_no_wage_no_pay_history_no_pay_event_on_the_page(client, auth, paid):
    auth.login("hr")
    data = _edit_form(client, paid, paid.desk_staff.id) | {"monthly_base_amount": "6090.00",
                                                          "daily_wage_amount": "280.00", "effective_on": "2026-01-01"}
    assert client.post(f"/staff/{paid.desk_staff.id}/edit", data=data).status_code == 302
    assert "调薪" in client.get(f"/staff/{paid.desk_staff.id}").get_data(as_text=True)
    auth.logout()
    # The head heads the front office, which holds the desk clerk's department: the page opens...
    page = _page(client, auth, "head", paid.desk_staff)
    assert "李前台" in page
    # ...without any amount, the pay history or the pay-change event.
    assert 'id="daily-wage"' not in page and 'id="pay-history"' not in page
    assert not any(text in page for text in (*WAGE_TEXTS, "6090.00", "280.00", "调薪"))


def test_person_sees_own_wage_today_but_not_the_pay_history(client, auth, paid):
    page = _page(client, auth, "staff", paid.desk_staff)
    assert 'id="monthly-base">5220.00<' in page
    assert 'id="pay-history"' not in page and "3915.00" not in page


def _export_rows(client, auth, user) -> list[list[str]]:
    auth.login(user)
    response = client.get("/staff-import-export/export.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_head_export_has_no_wage_columns_or_amounts(client, auth, paid):
    rows = _export_rows(client, auth, "head")
    assert paid.desk_staff.staff_number in {r[0] for r in rows[1:]}
    assert not {"日工资", "月基本工资"} & set(rows[0])
    assert not any(text in repr(rows) for text in WAGE_TEXTS)


def test_hr_export_has_the_wages(client, auth, paid):
    rows = _export_rows(client, auth, "hr")
    row = dict(zip(rows[0], next(r for r in rows if r[0] == paid.desk_staff.staff_number), strict=True))
    assert (row["日工资"], row["月基本工资"]) == ("250.00", "5220.00")


@pytest.mark.parametrize(("user", "sees"), [("hr", True), ("admin", True), ("head", False), ("staff", True)])
def test_api_wage_fields_only_for_hr_admin_and_the_person(client, paid, tokens, user, sees):
    one = client.get(f"/api/v1/staff/{paid.desk_staff.id}", headers=tokens[user])
    assert one.status_code == 200
    listed = client.get("/api/v1/staff?per_page=200", headers=tokens[user]).get_json()["items"]
    mine = next(item for item in listed if item["id"] == paid.desk_staff.id)
    for body in (one.get_json(), mine):
        if sees:
            assert (body["daily_wage_amount"], body["monthly_base_amount"]) == ("250.00", "5220.00")
        else:
            assert "daily_wage_amount" not in body and "monthly_base_amount" not in body
            assert not any(text in repr(body) for text in WAGE_TEXTS)
