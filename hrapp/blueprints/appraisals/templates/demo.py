"""What seed-demo adds for appraisal templates: the company's front-line template (T-STD), a sales template for
the travel agency's outreach department (T-SALES), a managers' template (T-MGR, no department or position: the
cycles part decides who gets it) and a department team template (T-TEAM), each in use. Through the services;
templates whose code exists are left as they are."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, Department

from . import rules, services
from .criteria import CriterionDraft, add_criterion

FIVE = "差\n较差\n一般\n良好\n优秀"
CSAT = "4.5 100\n4.2 90\n4 80\n3.5 60\n0 40"  # five-level satisfaction average
# code, name_zh, name_en, department code, team, self-assessment, peer feedback, note, criteria:
# (title_zh, title_en, kind, weight, levels, bands, metric, kpi code, target, unit, higher is better, self-scored)
TEMPLATES = (
    ("T-STD", "一线员工季度考核表", "Front-line quarterly appraisal", None, False, True, True,
     "适用于酒店、景区、旅行社一线服务岗位。", (
         ("服务与工作态度", "Service and attitude", "rating", "25", FIVE, "", "", "", None, "", True, True),
         ("工作效率", "Efficiency", "rating", "15", FIVE, "", "", "", None, "", True, True),
         ("出勤率", "Attendance rate", "metric", "15", "", "", "attendance_rate", "", None, "", True, False),
         ("迟到次数", "Times late", "metric", "10", "", "", "late_count", "", None, "", False, False),
         ("违纪扣分", "Conduct points", "metric", "10", "", "", "conduct_points", "", None, "", False, False),
         ("培训学时", "Training hours", "metric", "10", "", "", "training_hours", "", None, "", True, False),
         ("顾客满意度", "Customer satisfaction", "imported", "15", "", CSAT, "", "csat", None, "分", True, False))),
    ("T-SALES", "外联销售季度考核表", "Outreach sales quarterly appraisal", "TRV-OUT", False, True, False,
     "外联销售代表：订单、回访与销售额。", (
         ("订单完成率", "Order completion", "imported", "30", "", "100 100\n90 85\n80 70\n0 40", "",
          "order_completion", None, "%", True, False),
         ("每日回访电话", "Follow-up calls per day", "imported", "20", "", "8 100\n5 80\n3 60\n0 20", "",
          "calls_per_day", Decimal("5"), "个/天", True, False),
         ("销售额", "Sales", "imported", "25", "", "500000 100\n300000 85\n200000 70\n0 40", "", "sales", None,
          "元", True, False),
         ("客户关系维护", "Client relations", "rating", "15", FIVE, "", "", "", None, "", True, True),
         ("出勤率", "Attendance rate", "metric", "10", "", "", "attendance_rate", "", None, "", True, False))),
    ("T-MGR", "管理人员季度考核表", "Managers' quarterly appraisal", None, False, True, False,
     "适用于各部门经理、主管（由考核周期指定）。", (
         ("团队管理", "Team leadership", "rating", "30", FIVE, "", "", "", None, "", True, True),
         ("部门目标完成", "Department goals", "kpi", "30", "", "100 100\n90 80\n75 60\n0 30", "", "",
          Decimal("100"), "%", True, True),
         ("员工培养", "Developing staff", "rating", "20", FIVE, "", "", "", None, "", True, True),
         ("部门违纪扣分", "Conduct points", "metric", "10", "", "", "conduct_points", "", None, "", False, False),
         ("出勤率", "Attendance rate", "metric", "10", "", "", "attendance_rate", "", None, "", True, False))),
    ("T-TEAM", "部门团队考核", "Department team appraisal", None, True, False, False,
     "部门整体的季度团队考核，由人力资源部评分。", (
         ("团队协作", "Teamwork", "rating", "40", FIVE, "", "", "", None, "", True, False),
         ("顾客满意度", "Customer satisfaction", "imported", "30", "", CSAT, "", "csat", None, "分", True, False),
         ("安全与纪律", "Safety and discipline", "rating", "30", FIVE, "", "", "", None, "", True, False))),
)


def _criterion(row) -> CriterionDraft:
    title, title_en, kind, weight, levels, bands, metric, kpi, target, unit, higher, self_scored = row
    return CriterionDraft(title_zh=title, title_en=title_en, description="", kind=kind, weight=Decimal(weight),
                          levels=levels, bands=bands, target=target, unit=unit, higher_is_better=higher,
                          metric=metric, kpi_code=kpi, self_scored=self_scored)


def seed_templates(hr) -> int:
    """Add the demo templates missing by code (one whose department the company lacks is left out: a second
    company-wide template would compete with T-STD); returns how many were added."""
    existing = set(db.session.scalars(sa.select(AppraisalTemplate.code)))
    departments = {d.code: d.id for d in db.session.scalars(sa.select(Department))}
    added = 0
    for code, name, name_en, department, team, self_assessment, peer, note, criteria in TEMPLATES:
        if code in existing or (department is not None and department not in departments):
            continue
        template = services.create_template(hr, services.TemplateDraft(
            code=code, name_zh=name, name_en=name_en, department_id=departments.get(department), position_id=None,
            team=team, self_assessment=self_assessment, peer_feedback=peer, note=note,
            grade_lows=rules.grade_lows(())))
        for row in criteria:
            add_criterion(hr, template, _criterion(row), None)
        services.set_template_active(hr, template, True, None)
        added += 1
    return added


def seed_demo(report) -> None:
    """Add the templates as the demo's HR; the count goes on the seed report."""
    added = seed_templates(report.users.get("hr"))
    report.counts.update(appraisal_templates=added)
    report.summary.append(f"Appraisals: {added} templates.")
