"""The grid of a large department (issue #10, point 17): 600 people on pages of 50 with a person filter, small
pages, a fixed number of statements, coverage over the whole roster, and editing from any page."""
import re
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.roster.services import fill_range, set_demand
from hrapp.blueprints.roster.services.grid import PER_PAGE
from hrapp.extensions import db
from hrapp.models import Gender, StaffMember
from tests.roster.routing import day, page_cells
from tests.roster.test_grid_page import MAX_PAGE_STATEMENTS, page_statements

SIZE = 600
MAX_PAGE_BYTES = 300 * 1024


@pytest.fixture
def big(world):
    """`world` with FO grown to 600 people (H0000 … H0596, then a, b and c), some of page 3 on the early
    shift of 1 March, and a demand of 5 early shifts every Sunday."""
    db.session.add_all(StaffMember(staff_number=f"H{i:04d}", name_zh=f"客房{i}", gender=Gender.FEMALE,
                                   department_id=world.front.id, hire_on=date(2024, 1, 1),
                                   daily_wage_amount=Decimal("200")) for i in range(SIZE - 3))
    db.session.flush()
    world.page3 = [number_to_id(f"H{i:04d}") for i in (100, 101, 102)]
    fill_range(world.head, world.roster, world.page3, day(1), day(1), "早", None)
    set_demand(world.head, world.front, world.types["早"], 5, weekday=6)
    db.session.commit()
    return world


def number_to_id(number: str) -> int:
    return db.session.scalar(db.select(StaffMember.id).where(StaffMember.staff_number == number))


def rows_of(body: str) -> list[str]:
    """The staff numbers of the grid's rows, in order."""
    return re.findall(r'<tr data-staff="\d+" data-number="([^"]+)"', body)


def test_a_600_person_grid_is_paged_small_and_counts_coverage_over_everyone(client, auth, big):
    auth.login("head")
    statements, body = page_statements(client, big.roster.id)
    assert len(body.encode()) < MAX_PAGE_BYTES and len(statements) <= MAX_PAGE_STATEMENTS, len(body)
    assert rows_of(body) == [f"H{i:04d}" for i in range(PER_PAGE)]
    assert 'id="person-filter"' in body and f"/roster/{big.roster.id}?page=2" in body
    assert f"/roster/{big.roster.id}?page={SIZE // PER_PAGE}" in body  # the last page is linked
    # the footer counts the three early shifts of page 3's people against the Sunday demand of 5
    assert re.search(r'data-col="2026-03-01/早"[^>]*>3/5<', body)
    assert len(page_cells(body)) == PER_PAGE * 31  # a real table: a cell for each person and day

    third = client.get(f"/roster/{big.roster.id}?page=3").get_data(as_text=True)
    assert rows_of(third)[0] == "H0100"
    assert {page_cells(third)[(staff_id, "2026-03-01")].code for staff_id in big.page3} == {"早"}
    last = client.get(f"/roster/{big.roster.id}?page={SIZE // PER_PAGE}").get_data(as_text=True)
    assert rows_of(last)[-3:] == [big.a.staff_number, big.b.staff_number, big.c.staff_number]


def test_the_person_filter_finds_by_number_or_name_and_page_links_keep_it(client, auth, big):
    auth.login("head")
    body = client.get(f"/roster/{big.roster.id}?q=h01").get_data(as_text=True)  # H0100 … H0199: two pages
    assert rows_of(body) == [f"H{i:04d}" for i in range(100, 150)]
    assert f"/roster/{big.roster.id}?q=h01&amp;page=2" in body and 'value="h01"' in body
    second = client.get(f"/roster/{big.roster.id}?q=h01&page=2").get_data(as_text=True)
    assert rows_of(second) == [f"H{i:04d}" for i in range(150, 200)]
    assert rows_of(client.get(f"/roster/{big.roster.id}?q=李四").get_data(as_text=True)) == [big.c.staff_number]
    nobody = client.get(f"/roster/{big.roster.id}?q=nobody").get_data(as_text=True)
    assert rows_of(nobody) == [] and 'id="person-filter"' in nobody
    assert rows_of(client.get(f"/roster/{big.roster.id}?page=999").get_data(as_text=True))[-1] == big.c.staff_number


def test_an_edit_on_page_2_is_saved_and_answers_with_page_2(client, auth, big):
    auth.login("head")
    body = client.get(f"/roster/{big.roster.id}?page=2").get_data(as_text=True)
    url = re.search(r'data-cells-url="([^"]+)"', body).group(1).replace("&amp;", "&")
    assert url == f"/roster/{big.roster.id}/cells?page=2"
    person = number_to_id("H0060")
    response = client.post(url, json={"edits": [{"staff_id": person, "day": "2026-03-05", "code": "中",
                                                 "version": page_cells(body)[(person, "2026-03-05")].version}]})
    assert response.status_code == 200, response.get_json()
    grid = response.get_json()["grid"]
    assert grid["cells"][f"{person}/2026-03-05"][0] == "中" and len(grid["rows"]) == PER_PAGE
    assert str(person) in grid["rows"] and str(number_to_id("H0000")) not in grid["rows"]
    again = client.get(f"/roster/{big.roster.id}?page=2").get_data(as_text=True)
    assert page_cells(again)[(person, "2026-03-05")].code == "中"
    stale = client.post(url, json={"edits": [{"staff_id": person, "day": "2026-03-05", "code": "夜", "version": 0}]})
    assert stale.status_code == 409  # the version the editor saw still guards the cell


def test_a_small_roster_shows_everyone_on_one_page_without_paging(client, auth, world):
    auth.login("head")
    body = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
    assert len(rows_of(body)) == 3 and 'id="grid-paging"' not in body
