"""GET /api/v1/leave/balances and GET /api/v1/me/leave/balances: what each role sees, and the denials."""
from hrapp.blueprints.leave.setup.granting import grant_year
from hrapp.company import company_today
from hrapp.extensions import db
from tests.api.conftest import bearer


def _scene(o):
    grant_year(o.hr, company_today().year)
    db.session.commit()


def test_hr_and_the_head_see_a_persons_balances(client, people, leave_types):
    _scene(people)
    for user in (people.hr, people.head):
        response = client.get("/api/v1/leave/balances", query_string={"staff_number": people.desk_staff.staff_number},
                              headers=bearer(user))
        assert response.status_code == 200, response.json
        items = {i["code"]: i for i in response.json["items"]}
        assert (items["annual"]["entitled"], items["annual"]["available"]) == ("5.0", "5.0")
        assert items["marriage"]["available"] is None and items["marriage"]["max_days"] == "3.0"
        assert items["rest_owed"]["balance_kind"] == "rest_owed"


def test_staff_see_their_own_and_no_one_elses(client, people, leave_types):
    _scene(people)
    own = client.get("/api/v1/me/leave/balances", headers=bearer(people.staff))
    assert own.status_code == 200 and own.json["staff_number"] == people.desk_staff.staff_number
    assert client.get("/api/v1/leave/balances", query_string={"staff_number": people.hk_staff.staff_number},
                      headers=bearer(people.staff)).status_code == 404
    mine = client.get("/api/v1/leave/balances", query_string={"staff_number": people.desk_staff.staff_number},
                      headers=bearer(people.staff))
    assert mine.status_code == 200


def test_another_head_and_unknown_numbers_get_404_no_token_401(client, people, leave_types):
    _scene(people)
    for number, user in ((people.desk_staff.staff_number, people.hk_head), ("NOBODY", people.hr)):
        response = client.get("/api/v1/leave/balances", query_string={"staff_number": number}, headers=bearer(user))
        assert response.status_code == 404
    assert client.get("/api/v1/me/leave/balances").status_code == 401
    assert client.get("/api/v1/leave/balances", headers=bearer(people.hr)).status_code == 422
    admin = client.get("/api/v1/me/leave/balances", headers=bearer(people.admin))
    assert admin.status_code == 200 and admin.json["items"] == []


def test_the_endpoints_are_documented(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "/api/v1/leave/balances" in paths and "/api/v1/me/leave/balances" in paths
