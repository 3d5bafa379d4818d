"""refresh_metrics and import_kpis: values and scores on the items, totals, published results left alone."""
from decimal import Decimal

import pytest

from hrapp.blueprints.appraisals.metrics import services
from hrapp.blueprints.appraisals.metrics.kpi_rows import KpiEntry
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, AuditEntry, CycleStage, KpiImport, KpiSource, KpiValue, Metric

from .conftest import ALL_METRICS, Q2_FIRST


@pytest.fixture
def cycle_scene(known_quarter, org, make_template, make_cycle, make_appraisal):
    org.template = make_template("T-ALL", criteria=ALL_METRICS)
    org.cycle = make_cycle("2026-Q2", stage=CycleStage.HEAD_SCORING, first_on=Q2_FIRST)
    org.mine = make_appraisal(org.cycle, org.desk_staff, org.template)
    org.theirs = make_appraisal(org.cycle, org.hk_staff, org.template)
    db.session.commit()
    return org


def items_by_metric(appraisal):
    return {i.metric: i for i in appraisal.items if i.metric is not None}


def test_refresh_sets_values_scores_and_totals(cycle_scene):
    s = cycle_scene
    result = services.refresh_metrics(s.cycle, s.hr)
    db.session.commit()
    assert result.appraisals == 2
    items = items_by_metric(s.mine)
    assert items[Metric.ATTENDANCE_RATE].value == Decimal("66.67")
    assert items[Metric.ATTENDANCE_RATE].value_score == Decimal("0.00")
    assert (items[Metric.LATE_COUNT].value, items[Metric.LATE_COUNT].value_score) == (2, Decimal("80.00"))
    assert items[Metric.LATE_MINUTES].value_score == Decimal("70.00")
    assert items[Metric.ABSENCES].value_score == Decimal("60.00")
    assert items[Metric.CONDUCT_POINTS].value_score == Decimal("60.00")
    assert items[Metric.FINES].value == Decimal("70.00") and items[Metric.FINES].value_score == Decimal("50.00")
    assert items[Metric.REWARDS].value_score == Decimal("100.00")
    assert items[Metric.TRAINING_HOURS].value_score == Decimal("70.00")
    assert items[Metric.TRAINING_SCORE].value_score == Decimal("85.00")
    assert items[Metric.CERTIFICATES_OVERDUE].value_score == Decimal("50.00")
    # Weighted over the scored items (90 of 100: the rating and the KPI are not scored yet).
    expected = (20 * 0 + 10 * 80 + 5 * 70 + 5 * 60 + 5 * 60 + 5 * 50 + 5 * 100 + 5 * 70 + 10 * 85 + 5 * 50) / Decimal(75)
    assert s.mine.head_total == expected.quantize(Decimal("0.01"))
    assert s.mine.total == s.mine.head_total and s.mine.grade is not None
    assert s.cycle.metrics_at is not None
    other = items_by_metric(s.theirs)
    assert other[Metric.ATTENDANCE_RATE].value is None and other[Metric.ATTENDANCE_RATE].value_score is None
    assert other[Metric.TRAINING_SCORE].value is None
    assert other[Metric.LATE_COUNT].value == 0 and other[Metric.LATE_COUNT].value_score == Decimal("100.00")
    assert db.session.query(AuditEntry).filter_by(action="appraisal.refresh_metrics").count() == 1


def test_a_second_refresh_changes_nothing(cycle_scene):
    services.refresh_metrics(cycle_scene.cycle, cycle_scene.hr)
    again = services.refresh_metrics(cycle_scene.cycle, cycle_scene.hr)
    assert (again.appraisals, again.items) == (0, 0)


def test_published_results_are_never_changed(cycle_scene):
    s = cycle_scene
    s.theirs.status = AppraisalStatus.PUBLISHED
    db.session.commit()
    services.refresh_metrics(s.cycle, s.hr)
    assert all(i.value is None for i in s.theirs.items)
    s.cycle.stage = CycleStage.PUBLISHED
    db.session.commit()
    with pytest.raises(services.MetricsRefused):
        services.refresh_metrics(s.cycle, s.hr)


def entries(*rows):
    return [KpiEntry(n, *row) for n, row in enumerate(rows, start=2)]


def test_import_stores_values_and_scores_the_items(cycle_scene):
    s = cycle_scene
    record = services.import_kpis(s.cycle, entries((s.desk_staff.staff_number, "csat", "4.6")), s.hr, KpiSource.CSV,
                                  filename="kpi.csv")
    db.session.commit()
    assert record.row_count == 1
    csat = next(i for i in s.mine.items if i.kpi_code == "csat")
    assert (csat.value, csat.value_score) == (Decimal("4.6"), Decimal("100.00"))
    assert s.mine.head_total == Decimal("100.00")


def test_a_later_import_replaces_the_value(cycle_scene):
    s = cycle_scene
    number = s.desk_staff.staff_number
    services.import_kpis(s.cycle, entries((number, "csat", "4.6")), s.hr, KpiSource.CSV)
    services.import_kpis(s.cycle, entries((number, "csat", "4.1")), s.hr, KpiSource.API)
    db.session.commit()
    assert db.session.query(KpiValue).count() == 1
    assert db.session.query(KpiImport).count() == 2
    csat = next(i for i in s.mine.items if i.kpi_code == "csat")
    assert (csat.value, csat.value_score) == (Decimal("4.1"), Decimal("80.00"))


def test_a_bad_row_stores_nothing(cycle_scene):
    s = cycle_scene
    with pytest.raises(services.KpiImportRefused) as refused:
        services.import_kpis(s.cycle, entries((s.desk_staff.staff_number, "csat", "4.6"), ("NOBODY", "csat", "4"),
                                              (s.hk_staff.staff_number, "sales", "10"),
                                              (s.hk_staff.staff_number, "csat", "7"),
                                              (s.desk_staff.staff_number, "csat", "4.2"),
                                              (s.head_staff.staff_number, "csat", "4")),
                             s.hr, KpiSource.CSV)
    db.session.rollback()
    problems = {(e.row, e.column, e.code) for e in refused.value.errors}
    assert problems == {(3, "staff_number", "unknown_staff"), (4, "kpi_code", "unknown_code"),
                        (5, "value", "csat_range"), (6, "", "duplicate"), (7, "staff_number", "not_appraised")}
    assert db.session.query(KpiValue).count() == 0 and db.session.query(KpiImport).count() == 0


def test_refresh_applies_values_imported_before_the_appraisal_was_made(cycle_scene, make_appraisal):
    s = cycle_scene
    services.import_kpis(s.cycle, entries((s.desk_staff.staff_number, "csat", "3.9")), s.hr, KpiSource.CSV)
    csat = next(i for i in s.mine.items if i.kpi_code == "csat")
    csat.value = csat.value_score = None
    db.session.commit()
    services.refresh_metrics(s.cycle, s.hr)
    assert csat.value_score == Decimal("40.00")


def test_metric_breakdown_gives_the_counts_behind_each_value(cycle_scene):
    from hrapp.blueprints.appraisals.metrics.queries import metric_breakdown
    lines = {line.item.metric: line for line in metric_breakdown(cycle_scene.mine)}
    assert len(lines) == 10
    rate = lines[Metric.ATTENDANCE_RATE]
    assert rate.value == Decimal("66.67")
    assert rate.counts == {"attended": 4, "absent": 1, "missing_punch": 1, "leave": 1}
    assert lines[Metric.FINES].counts["violations"] == 3
    assert lines[Metric.TRAINING_SCORE].counts == {"passed_attempts": 2}
    assert lines[Metric.CERTIFICATES_OVERDUE].value == 1
