"""The charts' data functions against a real database: what counts (as the modules count it) and the scope."""
from decimal import Decimal

import pytest

from hrapp.blueprints.home.charts import catalogue, queries
from hrapp.blueprints.home.charts.rules import default_range
from hrapp.company import company_today
from tests.home.charts.scene import write_scene


@pytest.fixture
def scene(app, org):
    with app.test_request_context():
        yield org, write_scene(org.desk_staff, org.hk_staff)


def test_attendance_by_month_counts_per_department(scene):
    org, s = scene
    period = default_range(company_today())
    rows = {(r.department_id, r.month): r for r in queries.attendance_by_month(queries.attendance_counts(None, period))}
    desk = rows[(org.front_desk.id, s.month)]
    assert (desk.attended, desk.absent, desk.missing_punch, desk.late_days, desk.late_minutes) == (2, 1, 0, 1, 12)
    hk = rows[(org.housekeeping.id, s.month)]
    assert (hk.attended, hk.absent, hk.missing_punch, hk.late_days, hk.late_minutes) == (2, 0, 1, 1, 5)
    assert len(rows) == 2


def test_attendance_scope_leaves_other_departments_out(scene):
    org, s = scene
    counts = queries.attendance_counts(frozenset({org.front.id, org.front_desk.id}), default_range(company_today()))
    rows = queries.attendance_by_month(counts)
    assert {r.department_id for r in rows} == {org.front_desk.id}


def test_lateness_by_weekday_and_shift(scene):
    org, s = scene
    cells, shifts = queries.lateness_by_weekday(queries.attendance_counts(None, default_range(company_today())))
    found = {(c.weekday, c.shift_type_id): (c.late_days, c.attended) for c in cells}
    assert found[(0, s.shift.id)] == (1, 1)  # Monday, early shift: late
    assert found[(1, s.shift.id)] == (0, 1)
    assert found[(0, None)] == (1, 2)  # two Mondays without a shift: one on time, one late
    assert set(shifts) == {s.shift.id}


def test_violations_count_final_ones_by_rule(scene):
    org, s = scene
    rows = queries.violations_by_rule(None, default_range(company_today()))
    counted = {(r.department_id, r.rule_code): r.count for r in rows}
    assert counted == {(org.front_desk.id, "CH-1"): 1, (org.front_desk.id, "CH-2"): 1, (org.housekeeping.id, "CH-1"): 1}


def test_rewards_against_fines_leave_out_compensation_and_drafts(scene):
    org, s = scene
    rows = {r.month: r for r in queries.rewards_against_fines(None, default_range(company_today()))}
    assert len(rows) == 6
    assert rows[s.month].fines == Decimal("80.50") and rows[s.month].rewards == Decimal("200.00")
    mine = {r.month: r for r in queries.rewards_against_fines(frozenset({org.housekeeping.id}),
                                                                default_range(company_today()))}
    assert mine[s.month].fines == Decimal("30.50") and mine[s.month].rewards == Decimal("0.00")


def test_appraisal_grades_in_scope(scene):
    org, s = scene
    period = default_range(company_today())
    assert queries.appraisal_cycle(period).id == s.cycle.id
    everyone = queries.appraisal_grades(org.hr, None, s.cycle)
    assert everyone.grades == {"excellent": 1, "pass": 1}
    assert everyone.distribution.counts == {"top": 1, "middle": 1, "bottom": 0}
    heads = queries.appraisal_grades(org.head, catalogue.chart_departments(org.head, None), s.cycle)
    assert heads.grades == {"excellent": 1}


def test_training_against_plan(scene):
    org, s = scene
    rows = queries.training_against_plan(None, default_range(company_today()))
    by_quarter = {(r.year, r.quarter): r for r in rows}
    assert by_quarter[s.quarter].planned == Decimal("12.0")
    assert by_quarter[s.quarter].actual == s.session.hours  # one person present (the other absent)
    hk = {(r.year, r.quarter): r for r in queries.training_against_plan(frozenset({org.housekeeping.id}),
                                                                        default_range(company_today()))}
    assert hk[s.quarter].planned == 0 and hk[s.quarter].actual == 0


def test_chart_departments(scene):
    org, _s = scene
    assert catalogue.chart_departments(org.hr, None) is None
    assert catalogue.chart_departments(org.hr, org.front) == {org.front.id, org.front_desk.id}
    assert catalogue.chart_departments(org.head, None) == {org.front.id, org.front_desk.id}
    assert catalogue.chart_departments(org.head, org.front_desk) == {org.front_desk.id}
