"""The staff list's search and name order: people sort by their name's pinyin (阿 a < 李 li < 曾 zeng < 张 zhang
< 赵 zhao, which is not the characters' code-point order; 曾 is read zeng as a surname, not ceng) on the list, in
the API, in the export and on the people search's results page; the search box says what it matches."""
import csv
import io

import lxml.html
import pytest

from tests.access_matrix import login
from tests.api.conftest import bearer

# Code-point order is 张 < 曾 < 李 < 赵 < 阿; pinyin order is 阿 < 李 < 曾 (zeng, not ceng) < 张 < 赵.
PINYIN_ORDER = ["阿明", "李四", "曾五", "张三", "赵六"]


@pytest.fixture
def named(org, make_staff):
    """Five housekeeping people whose names' pinyin order differs from their characters' order."""
    for number, name in zip(("PY-4", "PY-2", "PY-5", "PY-1", "PY-3"), PINYIN_ORDER, strict=True):
        make_staff(org.housekeeping, staff_number=number, name_zh=name)
    return org


def _names(html: str, table_id: str, index: int) -> list[str]:
    page = lxml.html.fromstring(html)
    cells = [row.xpath("./td")[index].text_content().strip()
             for row in page.xpath(f"//table[@id='{table_id}']/tbody/tr")]
    return [name for name in cells if name in PINYIN_ORDER]


def test_staff_list_sorts_names_by_pinyin(app, named):
    client = login(app, "hr")
    assert _names(client.get("/staff/?sort=name").text, "staff-table", 1) == PINYIN_ORDER
    assert _names(client.get("/staff/?sort=-name").text, "staff-table", 1) == PINYIN_ORDER[::-1]


def test_api_sorts_names_by_pinyin(app, named):
    response = app.test_client().get("/api/v1/staff?sort=name&per_page=200", headers=bearer(named.hr))
    assert [s["name_zh"] for s in response.get_json()["items"] if s["name_zh"] in PINYIN_ORDER] == PINYIN_ORDER


def test_export_sorts_names_by_pinyin(app, named):
    body = login(app, "hr").get("/staff-import-export/export.csv?sort=name").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert [cell for row in rows[1:] for cell in row if cell in PINYIN_ORDER] == PINYIN_ORDER


def test_people_search_results_sort_names_by_pinyin(app, named):
    html = login(app, "hr").get("/search/?q=py-&sort=name").text
    page = lxml.html.fromstring(html)
    text = page.text_content()
    assert sorted(PINYIN_ORDER, key=text.index) == PINYIN_ORDER


def test_staff_list_search_still_scoped_for_a_head(app, named):
    """The list and the people search share one base query (`visible_staff`): a head never lists another
    department's people, whatever the search."""
    html = login(app, "head").get("/staff/?q=py-").text
    assert _names(html, "staff-table", 1) == []


def test_the_search_box_says_it_matches_name_pinyin_number_and_phone(app, named):
    client = login(app, "hr")
    box = lxml.html.fromstring(client.get("/staff/").text).get_element_by_id("q")
    assert box.get("placeholder") == "姓名、拼音、工号或电话"
    client.post("/auth/locale/en", data={"next": "/"})
    box = lxml.html.fromstring(client.get("/staff/").text).get_element_by_id("q")
    assert box.get("placeholder") == "Name, pinyin, staff number or phone"
