"""A published roster for the report, export and API tests: the front office (FO) in May 2026, with the
company holidays of 2026 (劳动节 1-5 May, 调休 Saturday 9 May) and four people, Chinese names included."""
from datetime import date

import pytest

from hrapp.blueprints.roster.services import (
    apply_pattern,
    create_roster,
    publish_roster,
    save_shift_type,
    sync_company_holidays,
)
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role
from tests.roster.conftest import TYPES

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
