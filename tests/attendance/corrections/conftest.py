"""Correction fixtures: a person of the published FO May 2026 roster (tests/roster/fixtures.py `rostered`, account
"zhangsan") whose early shift has a check-in and no check-out (MISSING_PUNCH), and helpers."""
from datetime import date, datetime, time
from types import SimpleNamespace

import pytest

from hrapp.blueprints.attendance.corrections.services import Claim
from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.extensions import db
from hrapp.models import CorrectionKind
from tests.attendance.reconcile.conftest import AFTER_MAY, day_row, first_day_with, punch, utc

__all__ = ["Claim", "day_row", "first_day_with", "punch", "utc"]
IN, OUT = CorrectionKind.MISSING_IN, CorrectionKind.MISSING_OUT
NOW = datetime(2026, 6, 2, 12)  # local "now": every May window has closed


def claim(day: date, kind=OUT, at: time = time(15, 5), reason: str = "Forgot to punch out") -> Claim:
    return Claim(day, kind, at, reason)


@pytest.fixture
def missing_out(rostered):
    """`rostered` plus `person` (fo_staff[0], user `fo_user`) with only a check-in on their first early shift `day`;
    `absent_day`: their second early shift, without any punch."""
    o = rostered
    o.person = o.fo_staff[0]
    o.day = first_day_with(o.person, "早")
    o.absent_day = first_day_with(o.person, "早", o.day.replace(day=o.day.day + 1))
    punch(o.person, utc(o.day, 6, 55), state=0)
    reconcile(date(2026, 5, 1), date(2026, 5, 31), now=AFTER_MAY, staff_ids=[o.person.id, o.head_staff.id])
    db.session.commit()
    return o


@pytest.fixture
def many_days(missing_out):
    """Early shift days of the person in May after the first (for the monthly limit)."""
    o = missing_out
    days, after = [], o.day
    for _ in range(5):
        found = first_day_with(o.person, "早", date.fromordinal(after.toordinal() + 1))
        if found is None:
            break
        days.append(found)
        after = found
    return SimpleNamespace(o=o, days=days)
