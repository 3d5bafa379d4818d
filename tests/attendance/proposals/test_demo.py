"""seed-demo's attendance: the demo clock, the past two months' rosters, punches from the first of them up to
yesterday following the published rosters, reconciled days and proposed violations, printed counts."""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.attendance.proposals.demo import DEVICE_SERIAL, demo_window
from hrapp.blueprints.attendance.proposals.demo_rosters import past_months
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    AttendanceDevice,
    DayStatus,
    Punch,
    PunchSource,
    RecordSource,
    Roster,
    RosterCell,
    Violation,
    ViolationState,
)
from hrapp.models.roster import RosterStatus

ARGS = ["seed-demo", "--staff", "50", "--seed", "3", "--password", "Demo-Password-2026"]


def test_the_window_and_the_past_months():
    assert demo_window(date(2026, 12, 2)) == (date(2026, 10, 1), date(2026, 12, 1))
    assert demo_window(date(2026, 1, 1)) == (date(2025, 11, 1), date(2025, 12, 31))
    assert past_months(date(2026, 3, 15), 2) == [(date(2026, 1, 1), date(2026, 1, 31)),
                                                  (date(2026, 2, 1), date(2026, 2, 28))]


def test_seed_demo_writes_punches_days_and_proposals(runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    assert "Attendance: device DEMO-ZK-001" in result.output and "violations proposed" in result.output
    device = db.session.scalar(sa.select(AttendanceDevice).where(AttendanceDevice.serial == DEVICE_SERIAL))
    assert device.name == "前台考勤机" and device.timezone == "Asia/Shanghai"
    first, last = demo_window(date.today())
    punches = db.session.scalars(sa.select(Punch)).all()
    assert punches and {p.source for p in punches} == {PunchSource.DEMO}
    assert {p.device_id for p in punches} == {device.id} and all(p.staff_id for p in punches)
    # the past two months are rostered (copies of this month's rotation) and punched
    this_month = period_of(MONTH, date.today()).first
    past = db.session.scalars(sa.select(Roster).where(Roster.starts_on < this_month)).all()
    assert {r.starts_on for r in past} == {first, period_of(MONTH, this_month - timedelta(days=1)).first}
    assert all(r.status == RosterStatus.PUBLISHED for r in past)
    first_punch = min(p.punched_at for p in punches)
    assert first_punch.date() <= first + timedelta(days=1)
    # every punch belongs to a rostered person on a rostered day (or the night before)
    rostered = set(db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day)).all())
    days = db.session.scalars(sa.select(AttendanceDay).where(AttendanceDay.day.between(first, last))).all()
    statuses = {d.status for d in days}
    assert {DayStatus.PRESENT, DayStatus.LATE, DayStatus.ABSENT, DayStatus.MISSING_PUNCH} <= statuses
    assert all((d.staff_id, d.day) in rostered for d in days)
    assert sum(1 for d in days if d.overtime_minutes > 0) > 0
    proposed = db.session.scalars(sa.select(Violation).where(
        Violation.source == RecordSource.ATTENDANCE, Violation.state == ViolationState.PROPOSED,
        Violation.source_ref.like("attendance:%"))).all()
    absent = [d for d in days if d.status == DayStatus.ABSENT]
    assert proposed and len({v.source_ref for v in proposed}) == len(proposed)
    assert {v.rule.code for v in proposed} == {"2-3a", "2-3b"}
    assert len([v for v in proposed if v.rule.code == "2-3b"]) == len(absent)
