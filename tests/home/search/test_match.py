"""The match rule (hrapp.blueprints.home.search.match): folding and reading a query (pure), then which staff
records a query finds and in what order, run against the database."""
import pytest
import sqlalchemy as sa

from hrapp.core.people_match import fold, people_match, query_kind
from hrapp.extensions import db
from hrapp.models import EmploymentStatus, StaffMember


@pytest.mark.unit
@pytest.mark.parametrize(("typed", "folded"), [
    ("  Zhang San ", "zhangsan"), ("张 三", "张三"), ("FO-00012", "fo-00012"), (None, ""), ("x" * 60, "x" * 40)])
def test_fold_drops_spaces_and_case(typed, folded):
    assert fold(typed) == folded


@pytest.mark.unit
@pytest.mark.parametrize(("folded", "kind"), [
    ("张", "name_zh"), ("张s", "name_zh"), ("zs", "letters"), ("z", None), ("", None), ("13", None),
    ("138", "digits"), ("s1", "letters"), ("%_", "letters")])
def test_query_kind_needs_one_cjk_two_letters_or_three_digits(folded, kind):
    assert query_kind(folded) == kind


@pytest.mark.unit
@pytest.mark.parametrize("typed", ["", "  ", "z", "12", "1 2"])
def test_people_match_refuses_short_queries(typed):
    assert people_match(typed) is None


def found(typed: str) -> list[str]:
    """The staff numbers the query finds, best first."""
    match = people_match(typed)
    query = sa.select(StaffMember.staff_number).where(match.clause).order_by(*match.order_by)
    return list(db.session.scalars(query))


@pytest.fixture
def people(make_department, make_staff):
    dept = make_department()
    return {
        "zhang": make_staff(dept, staff_number="SE-101", name_zh="张三", name_en="Zhang San", phone="13800138000"),
        "zhangsf": make_staff(dept, staff_number="SE-102", name_zh="张三丰", phone="13900139000"),
        "zeng": make_staff(dept, staff_number="SE-103", name_zh="曾国藩", phone="137-0000-1234"),
        "li": make_staff(dept, staff_number="SE-138", name_zh="李四", name_en="Li Si", phone="13600000000"),
        "pct": make_staff(dept, staff_number="SE-104", name_zh="王五", name_en="Wang 100%_Wu"),
    }


def test_finds_by_chinese_name_prefix_before_contains(people):
    assert found("张三") == ["SE-101", "SE-102"]  # exact name first
    assert found("三丰") == ["SE-102"]


def test_finds_by_full_pinyin_ignoring_case_and_spaces(people):
    assert found("zhangsan") == ["SE-101", "SE-102"]
    assert found("Zhang San") == ["SE-101", "SE-102"]
    assert found("sanfeng") == ["SE-102"]


def test_finds_by_initials_exact_before_prefix(people):
    assert found("zs") == ["SE-101", "SE-102"]
    assert found("zsf") == ["SE-102"]


def test_finds_every_reading_of_the_surname(people):
    assert found("zengguofan") == ["SE-103"]
    assert found("cengguofan") == ["SE-103"]
    assert found("zgf") == ["SE-103"]


def test_finds_by_english_name(people):
    assert found("lisi") == ["SE-138"]
    assert found("Li Si") == ["SE-138"]


def test_exact_staff_number_comes_first(people):
    # "se-138" is LI Si's number; nobody else's number starts with it.
    assert found("se-138") == ["SE-138"]
    assert found("SE-10")[:4] == ["SE-101", "SE-102", "SE-103", "SE-104"]


def test_digits_find_numbers_and_phones(people):
    # 138: the end of SE-138 (contains) and the start of 张三's phone (prefix), which comes first.
    assert found("138") == ["SE-101", "SE-138"]
    assert found("00001234") == ["SE-103"]  # a phone written with dashes


def test_like_wildcards_match_only_themselves(people):
    assert found("%_") == ["SE-104"]
    assert found("0%") == ["SE-104"]
    assert found("a_g") == []


def test_people_who_left_come_after_equals(people):
    people["zhang"].status = EmploymentStatus.LEFT
    db.session.commit()
    assert found("zhangs") == ["SE-102", "SE-101"]  # both start with it
    assert found("zs") == ["SE-101", "SE-102"]  # the exact initials still first
