"""Every list page on the shared list helper: sorting by a header, bounded paging, and query strings that
are wrong or hostile answered with the list, never a 500."""
import lxml.html
import pytest

from hrapp.audit import record
from hrapp.extensions import db

LISTS = ["/staff/", "/audit/", "/accounts/", "/org/positions", "/reports/", "/roster/"]
BAD_ARGS = [
    {"sort": "'; DROP TABLE users; --", "page": "abc", "per_page": "-3"},
    {"sort": "-", "page": "9" * 30, "per_page": "1000000"},
    {"sort": "id", "page": "0", "per_page": "x", "q": "%_\\" * 40},
    {"sort": "-password_hash", "page": "-1", "per_page": "0", "target_id": "abc", "from": "2024-13-45", "to": "x"},
    {"sort": "name" * 100, "page": "1.5", "department": "x", "status": "nope", "actor": "a" * 500},
]


def column(response, table_id: str, index: int) -> list[str]:
    """The text of one column of the table whose id is `table_id`."""
    page = lxml.html.fromstring(response.get_data(as_text=True))
    return [row.xpath("./td")[index].text_content().strip() for row in page.xpath(f"//table[@id='{table_id}']/tbody/tr")]


def links(response, table_id: str) -> list[str]:
    """The linked text of the first column (empty when the table says nothing matches)."""
    page = lxml.html.fromstring(response.get_data(as_text=True))
    return [a.text_content().strip() for a in page.xpath(f"//table[@id='{table_id}']/tbody/tr/td[1]/a")]


@pytest.mark.parametrize("args", BAD_ARGS)
@pytest.mark.parametrize("path", LISTS)
def test_bad_list_arguments_never_fail(client, auth, org, path, args):
    auth.login("admin")
    assert client.get(path, query_string=args).status_code == 200


def test_staff_list_sorts_by_a_whitelisted_header_both_ways(client, auth, org):
    auth.login("hr")
    up = column(client.get("/staff/?sort=name"), "staff-table", 1)
    down = column(client.get("/staff/?sort=-name"), "staff-table", 1)
    assert len(up) == 3 and up == sorted(up) and down == up[::-1]
    body = client.get("/staff/?sort=name").get_data(as_text=True)
    assert "sort=-name" in body and "▲" in body  # the current header flips, the others start ascending
    assert column(client.get("/staff/?sort=secret"), "staff-table", 0) == sorted(
        column(client.get("/staff/"), "staff-table", 0))


def test_staff_list_page_size_and_a_page_past_the_end(client, auth, org):
    auth.login("hr")
    numbers = column(client.get("/staff/"), "staff-table", 0)
    assert column(client.get("/staff/?per_page=1&page=2"), "staff-table", 0) == numbers[1:2]
    last = client.get("/staff/?per_page=1&page=999")
    assert column(last, "staff-table", 0) == numbers[-1:] and "page=2" in last.get_data(as_text=True)


def test_staff_list_keeps_its_filters(client, auth, org):
    auth.login("hr")
    names = column(client.get("/staff/", query_string={"q": "前台", "sort": "-name"}), "staff-table", 1)
    assert names == [org.desk_staff.display_name]


def test_staff_list_search_box_finds_pinyin_and_initials_within_scope(client, auth, org):
    auth.login("hr")
    for typed in ("lqt", "LiQianTai", "liqian"):  # 李前台 by initials, by whole pinyin in any case, by its start
        assert column(client.get("/staff/", query_string={"q": typed}), "staff-table", 1) == [
            org.desk_staff.display_name], typed
    assert column(client.get("/staff/", query_string={"q": "zfwy"}), "staff-table", 1) == [org.hk_staff.display_name]
    auth.logout()
    auth.login("head")  # the head of the front office: housekeeping is not theirs, its pinyin finds nobody
    assert column(client.get("/staff/", query_string={"q": "zfwy"}), "staff-table", 1) == []


def test_accounts_sort_and_search_matches_text_literally(client, auth, org):
    auth.login("admin")
    names = links(client.get("/accounts/?sort=-username"), "account-table")
    assert names == sorted(names, reverse=True) and len(names) == 5
    assert links(client.get("/accounts/?q=%25"), "account-table") == []  # "%" is no wildcard
    assert links(client.get("/accounts/?q=ST&sort=username"), "account-table") == ["staff"]


def test_audit_trail_sorts_by_action(client, auth, org):
    for action in ("b.second", "a.first", "c.third"):
        record(org.admin, action, org.desk_staff)
    db.session.commit()
    auth.login("hr")
    assert column(client.get("/audit/?sort=action"), "audit-table", 2)[:3] == ["a.first", "b.second", "c.third"]
    assert column(client.get("/audit/"), "audit-table", 2)[:3] == ["c.third", "a.first", "b.second"]  # newest first
    assert column(client.get("/audit/?action=a.first&sort=-action"), "audit-table", 2) == ["a.first"]


def test_positions_sort_by_name(client, auth, org, make_position):
    for code, name in (("P1", "乙"), ("P2", "甲"), ("P3", "丙")):
        make_position(code=code, name=name, department=org.front)
    auth.login("hr")
    assert column(client.get("/org/positions"), "position-table", 0) == ["P1", "P2", "P3"]
    assert column(client.get("/org/positions?sort=-code"), "position-table", 0) == ["P3", "P2", "P1"]
    names = column(client.get("/org/positions?sort=name"), "position-table", 1)
    assert names == sorted(names)
