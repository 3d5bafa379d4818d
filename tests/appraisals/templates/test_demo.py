"""seed-demo's templates: the front-line T-STD (seven criteria summing to 100), the outreach sales template on its
department, the managers' T-MGR and the team T-TEAM, all usable by cycles; running it twice adds nothing twice."""
from decimal import Decimal as D
from types import SimpleNamespace

from hrapp.blueprints.appraisals.templates import services
from hrapp.blueprints.appraisals.templates.demo import seed_demo
from hrapp.extensions import db
from hrapp.models import CriterionKind, Metric

from .conftest import template


def _report(people):
    return SimpleNamespace(users={"hr": people.hr}, counts={}, summary=[])


def test_the_demo_templates_once(app, people, make_department):
    outreach = make_department("TRV-OUT", "外联部")
    report = _report(people)
    seed_demo(report)
    db.session.commit()
    assert report.counts == {"appraisal_templates": 4}
    assert [t.code for t in services.usable_templates()] == ["T-MGR", "T-SALES", "T-STD", "T-TEAM"]
    assert [t.code for t in services.usable_templates(team=True)] == ["T-TEAM"]
    standard = template("T-STD")
    assert standard.department_id is None and standard.position_id is None and standard.peer_feedback
    assert [(c.title_zh, c.kind, c.weight) for c in standard.criteria] == [
        ("服务与工作态度", CriterionKind.RATING, D("25")), ("工作效率", CriterionKind.RATING, D("15")),
        ("出勤率", CriterionKind.METRIC, D("15")), ("迟到次数", CriterionKind.METRIC, D("10")),
        ("违纪扣分", CriterionKind.METRIC, D("10")), ("培训学时", CriterionKind.METRIC, D("10")),
        ("顾客满意度", CriterionKind.IMPORTED, D("15"))]
    late = standard.criteria[3]
    assert (late.metric, late.higher_is_better, late.self_scored) == (Metric.LATE_COUNT, False, False)
    assert standard.criteria[0].levels == ["差", "较差", "一般", "良好", "优秀"]
    assert standard.criteria[6].kpi_code == "csat"
    sales = template("T-SALES")
    assert sales.department_id == outreach.id
    assert {c.kpi_code for c in sales.criteria} >= {"order_completion", "calls_per_day", "sales"}
    manager = template("T-MGR")
    assert manager.department_id is None and manager.position_id is None and not manager.team
    assert template("T-TEAM").team and not template("T-TEAM").self_assessment
    again = _report(people)
    seed_demo(again)
    db.session.commit()
    assert again.counts == {"appraisal_templates": 0} and len(services.usable_templates()) == 4


def test_without_the_sales_department_the_sales_template_is_left_out(app, people):
    report = _report(people)
    seed_demo(report)
    db.session.commit()
    assert template("T-SALES") is None and report.counts == {"appraisal_templates": 3}
