"""Roster fixtures used only in tests/roster/: the org's front office with shift types, a few more staff,
and a March 2026 roster. (Shared roster fixtures and constants: tests/roster/fixtures.py.)"""
import pytest

from hrapp.blueprints.roster.services import create_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role
from tests.roster.fixtures import MARCH, TYPES


@pytest.fixture
def world(org, make_staff, make_user):
    """`org` plus: FO shift types; FO staff a, b, c (a and b with accounts); a draft March 2026 FO roster."""
    w = org
    w.types = {t.code: save_shift_type(w.hr, w.front, t) for t in TYPES}
    w.a = w.head_staff
    w.b = make_staff(w.front, name_zh="张三")
    w.c = make_staff(w.front, name_zh="李四")
    w.b_user = make_user(Role.STAFF, "zhangsan", staff=w.b)
    w.roster = create_roster(w.head, w.front, PeriodKind.MONTH, MARCH)
    db.session.commit()
    return w
