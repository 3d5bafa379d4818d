"""Pure pieces of the cycles part, without the database: when a deadline's reminder is due, and the order of the
stages a deadline may still be extended in."""
from datetime import date

from hrapp.blueprints.appraisals.cycles.reminders import _phase
from hrapp.blueprints.appraisals.cycles.services import DEADLINES, STAGE_ORDER
from hrapp.models import CycleStage

DUE = date(2026, 3, 31)


def test_reminder_phase():
    assert _phase(None, DUE) is None
    assert _phase(DUE, date(2026, 3, 28)) is None  # three days before
    assert _phase(DUE, date(2026, 3, 29)) == "soon"
    assert _phase(DUE, DUE) == "soon"
    assert _phase(DUE, date(2026, 4, 1)) == "overdue"


def test_deadlines_follow_the_stages():
    stages = [STAGE_ORDER.index(stage) for stage in DEADLINES.values()]
    assert stages == sorted(stages) and STAGE_ORDER[0] == CycleStage.SETUP
