"""The metrics part's demo steps: KPI values for everyone whose items read them, then the metrics; deterministic
and idempotent."""
import random
from decimal import Decimal

from hrapp.blueprints.appraisals.metrics.demo import demo_kpis, demo_metrics
from hrapp.extensions import db
from hrapp.models import CriterionKind, CycleStage, KpiImport, KpiValue
from tests.appraisals.fixtures import FIVE_LEVELS, STANDARD_CRITERIA

SALES = (
    ("服务态度", CriterionKind.RATING, "40", {"levels": FIVE_LEVELS}),
    ("订单完成率", CriterionKind.IMPORTED, "20", {"kpi_code": "order_completion", "bands": [["95", "100"], ["0", "50"]]}),
    ("日回访电话", CriterionKind.IMPORTED, "20", {"kpi_code": "calls_per_day", "bands": [["5", "100"], ["0", "40"]]}),
    ("销售额", CriterionKind.IMPORTED, "20", {"kpi_code": "sales", "bands": [["50000", "100"], ["0", "60"]]}),
)


def test_demo_kpis_then_metrics(org, make_template, make_cycle, make_appraisal):
    cycle = make_cycle(stage=CycleStage.HEAD_SCORING)
    make_appraisal(cycle, org.desk_staff, make_template())
    make_appraisal(cycle, org.hk_staff, make_template("T-SALES", criteria=SALES, position_id=None))
    make_appraisal(cycle, org.head_staff, make_template("T-PLAIN", criteria=STANDARD_CRITERIA[:1 + 0] and (
        ("服务态度", CriterionKind.RATING, "100", {"levels": FIVE_LEVELS}),)))
    db.session.commit()
    record = demo_kpis(cycle, org.hr, random.Random(7))
    db.session.commit()
    values = {(v.staff_id, v.kpi_code): v.value for v in db.session.query(KpiValue)}
    assert set(values) == {(org.desk_staff.id, "csat"), (org.hk_staff.id, "order_completion"),
                           (org.hk_staff.id, "calls_per_day"), (org.hk_staff.id, "sales")}
    assert Decimal("3.8") <= values[(org.desk_staff.id, "csat")] <= Decimal("4.9")
    assert Decimal("85") <= values[(org.hk_staff.id, "order_completion")] <= 100
    assert Decimal("3") <= values[(org.hk_staff.id, "calls_per_day")] <= 8
    assert record.row_count == 4
    assert demo_kpis(cycle, org.hr, random.Random(7)) is None  # idempotent
    assert db.session.query(KpiImport).count() == 1
    demo_metrics(cycle, org.hr)
    db.session.commit()
    assert cycle.metrics_at is not None


def test_the_same_seed_gives_the_same_values(org, make_template, make_cycle, make_appraisal):
    cycle = make_cycle(stage=CycleStage.HEAD_SCORING)
    make_appraisal(cycle, org.desk_staff, make_template())
    make_appraisal(cycle, org.hk_staff, make_template("T-SALES", criteria=SALES))
    db.session.commit()
    with db.session.begin_nested() as nested:
        demo_kpis(cycle, org.hr, random.Random(3))
        first = sorted((v.staff_id, v.kpi_code, v.value) for v in db.session.query(KpiValue))
        nested.rollback()
    demo_kpis(cycle, org.hr, random.Random(3))
    assert sorted((v.staff_id, v.kpi_code, v.value) for v in db.session.query(KpiValue)) == first
