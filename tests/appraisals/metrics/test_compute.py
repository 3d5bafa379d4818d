"""The system metrics of a known quarter: exact values, only the period's records (local day boundaries at
00:00 Shanghai), only the states that count."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.appraisals.metrics import compute
from hrapp.models import Metric, StaffMember

from .conftest import Q2_FIRST, Q2_LAST

EXPECTED = {
    Metric.ATTENDANCE_RATE: Decimal("66.67"),
    Metric.LATE_COUNT: Decimal("2"),
    Metric.LATE_MINUTES: Decimal("15"),
    Metric.ABSENCES: Decimal("1"),
    Metric.CONDUCT_POINTS: Decimal("3.5"),
    Metric.FINES: Decimal("70.00"),
    Metric.REWARDS: Decimal("2"),
    Metric.TRAINING_HOURS: Decimal("6.0"),
    Metric.TRAINING_SCORE: Decimal("85.00"),
    Metric.CERTIFICATES_OVERDUE: Decimal("1"),
}


def test_the_known_quarter_gives_exact_values(known_quarter):
    found = compute.breakdowns(Q2_FIRST, Q2_LAST)
    for metric, expected in EXPECTED.items():
        value = compute.value_of(found, known_quarter.id, metric)
        assert value == expected, metric
        assert isinstance(value, Decimal)


def test_the_counts_behind_the_values(known_quarter):
    b = compute.breakdowns(Q2_FIRST, Q2_LAST)[known_quarter.id]
    assert (b.attended, b.absent, b.missing_punch, b.leave) == (4, 1, 1, 1)
    assert b.violations == 3  # two fines and the compensation, all final in the quarter
    assert b.sessions_present == 2


def test_a_person_without_records_has_no_rate_and_zero_counts(known_quarter, org):
    found = compute.breakdowns(Q2_FIRST, Q2_LAST)
    other = org.hk_staff.id
    assert compute.value_of(found, other, Metric.ATTENDANCE_RATE) is None
    assert compute.value_of(found, other, Metric.TRAINING_SCORE) is None
    assert compute.value_of(found, other, Metric.LATE_COUNT) == 0
    assert compute.value_of(found, other, Metric.FINES) == 0


def test_the_next_quarter_sees_only_its_own_records(known_quarter):
    from datetime import date
    found = compute.breakdowns(date(2026, 7, 1), date(2026, 9, 30), today=date(2026, 12, 1))
    b = found[known_quarter.id]
    assert compute.value_of(found, known_quarter.id, Metric.LATE_MINUTES) == 30
    assert b.points == Decimal("7.0") and b.fines == Decimal("77.00")
    assert b.rewards == 1
    # Expired 2026-07-15, before the quarter's last day: now overdue too.
    assert b.certificates_overdue == 2


def test_certificates_count_up_to_today_while_the_period_runs(known_quarter):
    from datetime import date
    found = compute.breakdowns(date(2026, 7, 1), date(2026, 9, 30), today=date(2026, 7, 10))
    assert found[known_quarter.id].certificates_overdue == 1


def test_only_the_people_selected_and_the_metrics_asked(known_quarter, org):
    people = sa.select(StaffMember.id).where(StaffMember.id == org.hk_staff.id)
    assert compute.breakdowns(Q2_FIRST, Q2_LAST, people) == {}
    found = compute.breakdowns(Q2_FIRST, Q2_LAST, metrics={Metric.REWARDS})
    assert found[known_quarter.id].rewards == 2 and found[known_quarter.id].attended == 0
