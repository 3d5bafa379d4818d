"""The list helper's reading of the query string (pure: no request, no database)."""
import pytest
import sqlalchemy as sa

from hrapp.core.listing import MAX_PAGE, Filter, Listing, iso_date, like_escape, positive_int
from hrapp.models import StaffMember

LISTING = Listing(sorts={"number": StaffMember.staff_number, "name": StaffMember.name_zh}, default_sort="-number",
                  tiebreak=(StaffMember.id,), per_page=20, max_per_page=50,
                  filters=(Filter("q", lambda q, v: q.where(StaffMember.name_zh == v), max_length=5),
                           Filter("id", lambda q, v: q.where(StaffMember.id == v), parse=positive_int),
                           Filter("on", lambda q, v: q.where(StaffMember.hire_on == v), parse=iso_date)))


def test_defaults_when_nothing_is_asked():
    state = LISTING.read({})
    assert (state.sort, state.descending, state.page, state.per_page, dict(state.filters)) == ("number", True, 1, 20, {})
    assert state.sort_token == "-number" and state.sortable == {"number", "name"}


@pytest.mark.parametrize("token, sort, descending", [
    ("name", "name", False), ("-name", "name", True), ("number", "number", False),
    ("unknown", "number", True), ("-", "number", True), ("name; DROP TABLE staff", "number", True),
    ("staff_members.id", "number", True), ("", "number", True), ("--name", "name", True),
])
def test_only_whitelisted_sort_keys_are_taken(token, sort, descending):
    state = LISTING.read({"sort": token})
    assert (state.sort, state.descending) == (sort, descending)


@pytest.mark.parametrize("page, per_page, expected", [
    ("3", "10", (3, 10)), ("abc", "x", (1, 20)), ("-2", "0", (1, 20)), ("0", "-5", (1, 20)),
    ("1" * 5000, "1" * 5000, (1, 20)), (str(10 ** 30), "1000", (MAX_PAGE, 50)), (None, None, (1, 20)),
    ("2.5", "7", (1, 7)),
])
def test_page_and_page_size_are_bounded_numbers(page, per_page, expected):
    state = LISTING.read({"page": page, "per_page": per_page})
    assert (state.page, state.per_page) == expected


def test_default_page_size_comes_from_the_app_when_the_list_sets_none():
    assert Listing(sorts={"n": StaffMember.id}, default_sort="n").read({}, default_per_page=33).per_page == 33


def test_filters_are_parsed_bounded_and_bad_values_ignored():
    state = LISTING.read({"q": "  一二三四五六七 ", "id": "0", "on": "2024-02-30"})
    assert dict(state.filters) == {"q": "一二三四五"}  # trimmed, then cut at 5 characters
    state = LISTING.read({"q": "   ", "id": "12", "on": "2024-02-29"})
    assert dict(state.filters) == {"id": 12, "on": iso_date("2024-02-29")}


def _sql(query) -> str:
    return str(query.compile(compile_kwargs={"literal_binds": True}))


def test_apply_filters_and_orders_replacing_any_earlier_order():
    query = sa.select(StaffMember).order_by(StaffMember.hire_on)
    sql = _sql(LISTING.apply(query, LISTING.read({"sort": "name", "q": "张三", "id": "7"})))
    assert "ORDER BY staff_members.name_zh ASC, staff_members.id" in sql and "hire_on" not in sql.split("ORDER BY")[1]
    assert "name_zh = '张三'" in sql and "staff_members.id = 7" in sql


def test_order_takes_a_token_and_falls_back_to_the_default():
    assert "ORDER BY staff_members.staff_number DESC" in _sql(LISTING.order(sa.select(StaffMember), "bogus"))
    assert "ORDER BY staff_members.name_zh DESC" in _sql(LISTING.order(sa.select(StaffMember), "-name"))


def test_header_links_flip_the_current_key_only():
    state = LISTING.read({"sort": "name"})
    assert (state.toggle("name"), state.toggle("number"), state.arrow("name"), state.arrow("number")) == (
        "-name", "number", "▲", "")
    state = LISTING.read({"sort": "-name"})
    assert (state.toggle("name"), state.arrow("name")) == ("name", "▼")


def test_like_escape_makes_wildcards_literal():
    assert like_escape("50%_a\\b") == "50\\%\\_a\\\\b"
