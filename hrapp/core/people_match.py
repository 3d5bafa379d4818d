"""The people-search match rule: which staff records a typed query finds, and in which order.

A query is folded first (spaces removed, lowercased), then read by what it holds:
- Chinese characters (one is enough): the Chinese name;
- digits only (three or more): the staff number and the phone;
- anything else (two or more characters): the English name, the pinyin and its initials (each reading of the
  surname, `hrapp.core.pinyin`) and the staff number.
Shorter queries find nothing (`people_match` returns None). The best matches come first: the exact staff
number, then an exact name, then a name, pinyin, initials or number that starts with the query, then one that
contains it; among equals, people still employed before those who left, then by staff number.
"""
import re
from dataclasses import dataclass

import sqlalchemy as sa

from hrapp.core.listing import like_escape
from hrapp.models import EmploymentStatus, StaffMember

MAX_QUERY = 40
MIN_DIGITS, MIN_LETTERS = 3, 2
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DIGITS = re.compile(r"[0-9]+")
ESCAPE = "\\"

# Ranks, best first.
EXACT_NUMBER, EXACT_NAME, PREFIX, CONTAINS = 0, 1, 2, 3


def fold(query: str | None) -> str:
    """The query as it is matched: without spaces, lowercased, at most MAX_QUERY characters."""
    return "".join((query or "").split()).lower()[:MAX_QUERY]


def query_kind(folded: str) -> str | None:
    """"name_zh", "digits" or "letters" for a folded query; None when it is too short to search."""
    if _CJK.search(folded):
        return "name_zh"
    if _DIGITS.fullmatch(folded):
        return "digits" if len(folded) >= MIN_DIGITS else None
    return "letters" if len(folded) >= MIN_LETTERS else None


def _spaceless(column):
    return sa.func.lower(sa.func.replace(column, " ", ""))


def _phone(column):
    return sa.func.replace(sa.func.replace(column, " ", ""), "-", "")


def _plain(column, text: str, escaped: str) -> tuple:
    """(equals, starts with, contains) of a whole-value column."""
    return (column == text, column.like(f"{escaped}%", escape=ESCAPE),
            column.like(f"%{escaped}%", escape=ESCAPE))


def _words(column, text: str, escaped: str) -> tuple:
    """(equals, starts with, contains) of a column holding alternatives separated by spaces (pinyin readings):
    an alternative equals or starts with the query."""
    padded = sa.literal(" ", sa.String) + column + sa.literal(" ", sa.String)
    return (padded.like(f"% {escaped} %", escape=ESCAPE), padded.like(f"% {escaped}%", escape=ESCAPE),
            column.like(f"%{escaped}%", escape=ESCAPE))


def _tests(kind: str, text: str, escaped: str) -> list[tuple]:
    number = sa.func.lower(StaffMember.staff_number)
    if kind == "name_zh":
        return [_plain(sa.func.replace(StaffMember.name_zh, " ", ""), text, escaped)]
    if kind == "digits":
        return [_plain(number, text, escaped), _plain(_phone(StaffMember.phone), text, escaped)]
    return [_plain(number, text, escaped), _plain(_spaceless(StaffMember.name_en), text, escaped),
            _words(StaffMember.name_pinyin, text, escaped), _words(StaffMember.name_initials, text, escaped)]


@dataclass(frozen=True)
class PeopleMatch:
    """A query's match: `clause` (a WHERE condition on StaffMember) and `rank` (0 best, see the ranks above)."""

    query: str
    clause: sa.ColumnElement[bool]
    rank: sa.ColumnElement[int]

    @property
    def order_by(self) -> tuple:
        """The best matches first, then the employed before those who left, then by staff number."""
        return self.rank, self.still_employed_first, StaffMember.staff_number, StaffMember.id

    @property
    def still_employed_first(self) -> sa.ColumnElement[int]:
        return sa.case((StaffMember.status == EmploymentStatus.LEFT, 1), else_=0)


def people_match(query: str | None) -> PeopleMatch | None:
    """The staff records `query` finds (name, English name, pinyin, initials, staff number or phone, ignoring
    case and spaces; LIKE wildcards in it match only themselves) and their order; None when the query is
    too short: under one Chinese character, two letters or three digits."""
    text = fold(query)
    kind = query_kind(text)
    if kind is None:
        return None
    escaped = like_escape(text)
    tests = _tests(kind, text, escaped)
    exact_number = sa.func.lower(StaffMember.staff_number) == text
    rank = sa.case((exact_number, EXACT_NUMBER), (sa.or_(*(t[0] for t in tests)), EXACT_NAME),
                   (sa.or_(*(t[1] for t in tests)), PREFIX), else_=CONTAINS)
    return PeopleMatch(text, sa.or_(*(t[2] for t in tests)), rank)
