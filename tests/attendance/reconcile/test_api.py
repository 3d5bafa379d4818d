"""GET /api/v1/attendance/days and GET /api/v1/me/attendance: what each role sees, and the denials."""
from hrapp.blueprints.attendance.reconcile.services import reconcile
from tests.api.conftest import bearer

from .conftest import AFTER_MAY, first_day_with, punch, utc

MAY = {"from": "2026-05-01", "to": "2026-05-31"}


def _scene(rostered, person):
    early = first_day_with(person, "早")
    punch(person, utc(early, 7, 10), utc(early, 15, 0))
    reconcile(early.replace(day=1), early.replace(day=31), AFTER_MAY)
    return early


def test_hr_and_the_head_see_a_persons_days_with_the_punches_used(client, rostered, person):
    early = _scene(rostered, person)
    for user in (rostered.hr, rostered.head):
        response = client.get("/api/v1/attendance/days", query_string={**MAY, "staff_number": person.staff_number},
                              headers=bearer(user))
        assert response.status_code == 200, response.json
        days = {d["day"]: d for d in response.json["items"]}
        assert len(days) == 31
        day = days[early.isoformat()]
        assert (day["status"], day["shift_code"], day["late_minutes"]) == ("late", "早", 10)
        assert day["check_in"].startswith(f"{early.isoformat()}T07:10") and day["check_out"].endswith("+08:00")


def test_staff_see_only_their_own_days(client, rostered, person):
    _scene(rostered, person)
    own = client.get("/api/v1/me/attendance", query_string=MAY, headers=bearer(rostered.fo_user))
    assert own.status_code == 200 and len(own.json["items"]) == 31
    other = client.get("/api/v1/attendance/days", query_string={**MAY, "staff_number": rostered.fo_staff[1].staff_number},
                       headers=bearer(rostered.fo_user))
    assert other.status_code == 404
    mine = client.get("/api/v1/attendance/days", query_string={**MAY, "staff_number": person.staff_number},
                      headers=bearer(rostered.fo_user))
    assert mine.status_code == 200 and len(mine.json["items"]) == 31


def test_a_head_of_another_department_and_unknown_numbers_get_404(client, rostered, person):
    _scene(rostered, person)
    for number, user in ((person.staff_number, rostered.hk_head), ("NOBODY", rostered.hr)):
        response = client.get("/api/v1/attendance/days", query_string={**MAY, "staff_number": number},
                              headers=bearer(user))
        assert response.status_code == 404


def test_no_token_is_401_and_a_bad_range_is_422(client, rostered, person):
    assert client.get("/api/v1/me/attendance", query_string=MAY).status_code == 401
    bad = client.get("/api/v1/me/attendance", query_string={"from": "2026-05-31", "to": "2026-05-01"},
                     headers=bearer(rostered.fo_user))
    assert bad.status_code == 422


def test_the_endpoints_are_documented(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "/api/v1/attendance/days" in paths and "/api/v1/me/attendance" in paths
