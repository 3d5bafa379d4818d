"""GET /api/v1/training/courses: the catalogue for everyone in training (inactive courses for HR only), filtered
by category and in use, paginated, documented."""
from hrapp.extensions import db
from tests.api.conftest import bearer


def _scene(site, make_course):
    fire = make_course("FIRE", "消防安全", category="safety", pass_score="80", certificate_months=12,
                       trainer_name="刘教官", title_en="Fire safety")
    fire.rules = [site.rules["2-13"]]
    make_course("ETQ", "服务礼仪", pass_score=None, open_enrolment=True, trainer_staff_id=site.head_staff.id)
    make_course("OLD", "旧课程", active=False)
    db.session.commit()


def test_staff_see_courses_in_use_with_every_field(client, site, make_course):
    _scene(site, make_course)
    response = client.get("/api/v1/training/courses", headers=bearer(site.staff))
    assert response.status_code == 200, response.json
    body = response.json
    assert [c["code"] for c in body["items"]] == ["ETQ", "FIRE"] and body["total"] == 2
    fire = body["items"][1]
    assert fire == {"id": fire["id"], "code": "FIRE", "title": "消防安全", "title_en": "Fire safety",
                    "category": "safety", "hours": "4.0", "trainer": "刘教官", "trainer_staff_number": None,
                    "assessed": True, "max_score": "100.0", "pass_score": "80.0", "retakes": 1,
                    "certificate_months": 12, "open_enrolment": False, "active": True, "rules": ["2-13"]}
    etq = body["items"][0]
    assert (etq["assessed"], etq["pass_score"], etq["trainer"], etq["trainer_staff_number"]) == (
        False, None, "王经理", site.head_staff.staff_number)


def test_hr_sees_inactive_courses_and_the_filters_and_pages_work(client, site, make_course):
    _scene(site, make_course)
    headers = bearer(site.hr)
    every = client.get("/api/v1/training/courses", headers=headers).json
    assert [c["code"] for c in every["items"]] == ["ETQ", "FIRE", "OLD"]
    inactive = client.get("/api/v1/training/courses?active=false", headers=headers).json
    assert [c["code"] for c in inactive["items"]] == ["OLD"]
    safety = client.get("/api/v1/training/courses?category=safety", headers=headers).json
    assert [c["code"] for c in safety["items"]] == ["FIRE"]
    page2 = client.get("/api/v1/training/courses?per_page=2&page=2", headers=headers).json
    assert [c["code"] for c in page2["items"]] == ["OLD"] and page2["pages"] == 2
    assert client.get("/api/v1/training/courses?category=cooking", headers=headers).status_code == 422
    staff_inactive = client.get("/api/v1/training/courses?active=false", headers=bearer(site.staff)).json
    assert staff_inactive["items"] == []


def test_no_token_401_and_the_endpoint_is_documented(client, site):
    assert client.get("/api/v1/training/courses").status_code == 401
    operation = client.get("/api/v1/openapi.json").json["paths"]["/api/v1/training/courses"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"category", "active", "page", "per_page"}
