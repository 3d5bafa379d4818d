"""Roster fixtures: the org's front office with shift types, a few more staff, and a March 2026 roster."""
from datetime import date, time

import pytest

from hrapp.blueprints.roster.rules import LEAVE, REST, WORK, ShiftTypeData
from hrapp.blueprints.roster.services import create_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role

TYPES = (
    ShiftTypeData("早", "早班", WORK, time(7), time(15), 30, "Early", "#43a047"),
    ShiftTypeData("中", "中班", WORK, time(14), time(22), 30, "Late", "#fb8c00"),
    ShiftTypeData("夜", "夜班", WORK, time(22), time(6), 60, "Night", "#3949ab", is_night=True),
    ShiftTypeData("休", "休息", REST, name_en="Rest", colour="#bdbdbd", counts_as_workday=False),
    ShiftTypeData("假", "请假", LEAVE, name_en="Leave", colour="#8d6e63", counts_as_workday=False),
)
MARCH = date(2026, 3, 1)


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
