"""Roster fixtures shared beyond tests/roster/: the shift types and `rostered`, a published roster for the
roster export, report and API tests (tests/roster/, tests/reports/, tests/api/), so tests/conftest.py loads
this module as a plugin. `rostered` is the front office (FO) in May 2026, with the company holidays of 2026
(劳动节 1-5 May, 调休 Saturday 9 May) and four people, Chinese names included."""
from datetime import date, time

import pytest

from hrapp.blueprints.roster.rules import LEAVE, REST, WORK, ShiftTypeData
from hrapp.blueprints.roster.services import (
    apply_pattern,
    create_roster,
    publish_roster,
    save_shift_type,
    sync_company_holidays,
)
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
MAY = date(2026, 5, 1)
ROTATION = "早早中中夜休休"
NAMES = ("张三", "欧阳娜娜", "买买提·艾力")


@pytest.fixture
def rostered(org, make_staff, make_user):
    """`org` plus: FO shift types; FO staff head_staff and three more (`fo_staff`, whose first has the
    account "zhangsan"); the published May 2026 FO roster (`roster`); a head of housekeeping (`hk_head`)."""
    o = org
    for data in TYPES:
        save_shift_type(o.hr, o.front, data)
    sync_company_holidays(o.hr, 2026)
    o.fo_staff = [make_staff(o.front, name_zh=name) for name in NAMES]
    o.people = [o.head_staff, *o.fo_staff]
    o.fo_user = make_user(Role.STAFF, "zhangsan", staff=o.fo_staff[0])
    o.hk_head = make_user(Role.HEAD, "hkhead", departments=[o.housekeeping])
    o.roster = create_roster(o.head, o.front, PeriodKind.MONTH, MAY)
    db.session.flush()
    apply_pattern(o.head, o.roster, ROTATION, {p.id: i for i, p in enumerate(o.people)}, None)
    publish_roster(o.head, o.roster, None)
    db.session.commit()
    return o
