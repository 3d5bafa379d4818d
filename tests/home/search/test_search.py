"""The people search over HTTP: each way of finding someone, the scope, escaping, short queries, the results
page and the statements one suggestion request costs."""
import pytest

from hrapp.models import Role
from tests import access_matrix
from tests.access_matrix import login

people = access_matrix.people  # the fixture


@pytest.fixture
def found_people(people, make_staff):
    """`people` (tests.access_matrix) plus a few named people in the front office and housekeeping."""
    people.zhang = make_staff(people.front, staff_number="SE-201", name_zh="张三", name_en="Zhang San",
                              phone="13812345678")
    people.zeng = make_staff(people.front_desk, staff_number="SE-202", name_zh="曾国藩", phone="13987654321")
    people.hk_zhang = make_staff(people.housekeeping, staff_number="SE-301", name_zh="张三丰", phone="13812349999")
    return people




def suggest(client, query):
    response = client.get("/search/people", query_string={"q": query})
    assert response.status_code == 200
    return response.get_json()


def numbers(client, query) -> list[str]:
    return [row["staff_number"] for row in suggest(client, query)["results"]]


@pytest.mark.parametrize(("query", "expected"), [
    ("张三", ["SE-201", "SE-301"]), ("zhangsan", ["SE-201", "SE-301"]), ("ZhangSan", ["SE-201", "SE-301"]),
    ("zs", ["SE-201", "SE-301"]), ("zengguofan", ["SE-202"]), ("cengguofan", ["SE-202"]), ("zgf", ["SE-202"]),
    ("Zhang San", ["SE-201", "SE-301"]), ("SE-202", ["SE-202"]), ("se-20", ["SE-201", "SE-202"]),
    ("1381234", ["SE-201", "SE-301"]), ("7654321", ["SE-202"]),
])
def test_hr_finds_by_name_pinyin_initials_number_and_phone(app, found_people, query, expected):
    assert numbers(login(app, "hr"), query) == expected


def test_a_suggestion_names_the_person_and_links_to_them(app, found_people):
    row = suggest(login(app, "hr"), "SE-202")["results"][0]
    assert row == {"id": found_people.zeng.id, "name": "曾国藩", "staff_number": "SE-202",
                   "department": "前台", "position": "", "url": f"/staff/{found_people.zeng.id}"}


def test_english_ui_names_departments_in_english(app, found_people):
    client = login(app, "hr")
    client.post("/auth/locale/en", data={"next": "/"})
    assert suggest(client, "SE-202")["results"][0]["department"] == found_people.front_desk.name_en


def test_a_head_never_finds_another_departments_people(app, found_people):
    head, hk_head = login(app, "head"), login(app, "hkhead")
    assert numbers(head, "zhangsan") == ["SE-201"]  # not housekeeping's 张三丰
    assert numbers(head, "zgf") == ["SE-202"]  # a sub-department's person
    assert numbers(hk_head, "zhangsan") == ["SE-301"]
    assert numbers(hk_head, "SE-202") == []
    page = hk_head.get("/search/?q=zs")
    assert "SE-301" in page.text and "SE-201" not in page.text


def test_staff_get_403(app, found_people):
    client = login(app, "staff")
    assert client.get("/search/people?q=zhangsan").status_code == 403
    assert client.get("/search/?q=zhangsan").status_code == 403


@pytest.mark.parametrize("query", ["", "  ", "z", "13", "1 3"])
def test_short_queries_find_nothing(app, found_people, query):
    data = suggest(login(app, "hr"), query)
    assert data["results"] == [] and data["searched"] is False


def test_like_wildcards_are_escaped(app, found_people, make_staff):
    make_staff(found_people.front, staff_number="SE-401", name_zh="百分", name_en="Percent 100%")
    client = login(app, "hr")
    assert numbers(client, "%%") == []
    assert numbers(client, "__") == []
    assert numbers(client, "0%") == ["SE-401"]


def test_at_most_ten_suggestions_and_a_link_to_all(app, found_people, make_staff):
    for n in range(12):
        make_staff(found_people.front, staff_number=f"SE-5{n:02d}", name_zh=f"孙{n}")
    data = suggest(login(app, "hr"), "孙")
    assert len(data["results"]) == 10
    assert data["more_url"] == "/search/?q=%E5%AD%99"


def test_results_page_pages_through_everyone_found(app, found_people, make_staff):
    for n in range(12):
        make_staff(found_people.front, staff_number=f"SE-6{n:02d}", name_zh=f"钱{n}")
    client = login(app, "hr")
    first = client.get("/search/?q=钱&per_page=10")
    second = client.get("/search/?q=钱&per_page=10&page=2")
    assert first.status_code == second.status_code == 200
    assert first.text.count("data-staff-id=") == 10 and second.text.count("data-staff-id=") == 2
    assert "12" in second.text


def test_results_page_without_a_query_and_with_a_short_one(app, found_people):
    client = login(app, "hr")
    assert 'id="search-results"' not in client.get("/search/").text
    short = client.get("/search/?q=z")
    assert 'id="search-too-short"' in short.text
    none = client.get("/search/?q=nobodyhere")
    assert 'id="search-none"' in none.text


def test_results_page_finds_best_first(app, found_people):
    page = login(app, "hr").get("/search/?q=zs").text
    assert page.index("SE-201") < page.index("SE-301")


def test_navbar_box_shows_for_those_who_may_search(app, found_people):
    assert 'id="people-search-input"' in login(app, "head").get("/").text
    assert 'role="combobox"' in login(app, "hr").get("/").text
    assert 'id="people-search-input"' not in login(app, "staff").get("/").text


def test_a_suggestion_request_costs_few_statements(app, found_people, make_user, statements):
    make_user(Role.HEAD, "searchhead", departments=[found_people.front])
    client = login(app, "searchhead")
    with statements() as seen:
        assert numbers(client, "zhangsan") == ["SE-201"]
    # The user (with the login), the head's departments, the people found with their departments and positions.
    assert len(seen) <= 3, seen
