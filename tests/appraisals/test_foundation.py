"""The shared pieces the parts build on: making appraisals from templates, totals and grades, who scores whom,
and that a result stays hidden from the person until it is published."""
from decimal import Decimal as D

import pytest

from hrapp.blueprints.appraisals import access
from hrapp.blueprints.appraisals.rules import AppraisalRuleError
from hrapp.blueprints.appraisals.setup import template_for
from hrapp.blueprints.appraisals.totals import refresh_totals
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CriterionKind, CycleStage, Grade, Role, Scorer


def test_an_appraisal_copies_its_templates_criteria(org, make_template, make_cycle, make_appraisal):
    template = make_template()
    appraisal = make_appraisal(make_cycle(), org.desk_staff, template)
    assert [(i.title_zh, i.weight, i.self_scored) for i in appraisal.items] == [
        ("服务与工作态度", D("40"), True), ("出勤率", D("30"), False), ("顾客满意度", D("30"), False)]
    assert appraisal.status == AppraisalStatus.SELF_REVIEW and appraisal.department_id == org.front_desk.id
    template.criteria[0].weight = D("50")  # editing the template later leaves the appraisal's copy alone
    db.session.flush()
    assert appraisal.items[0].weight == D("40")


def test_weights_are_checked_again_on_the_appraisal(org, make_template, make_cycle, make_appraisal):
    template = make_template(criteria=[(f"项{n}", CriterionKind.RATING, "33.33", {"levels": ["1", "2", "3"]})
                                       for n in range(3)])
    with pytest.raises(AppraisalRuleError) as refused:
        make_appraisal(make_cycle(), org.desk_staff, template)
    assert refused.value.problem.code == "weights_sum"


def test_without_self_assessment_it_waits_for_the_head(org, make_template, make_cycle, make_appraisal):
    appraisal = make_appraisal(make_cycle(), org.desk_staff, make_template(self_assessment=False))
    assert appraisal.status == AppraisalStatus.HEAD_REVIEW


def test_totals_weigh_only_what_each_side_scored(org, make_template, make_cycle, make_appraisal):
    appraisal = make_appraisal(make_cycle(), org.desk_staff, make_template())
    rating, attendance, csat = appraisal.items
    rating.self_score = D("80")
    attendance.value, attendance.value_score = D("96.5"), D("80")
    refresh_totals(appraisal)
    assert appraisal.self_total == D("80.00")  # only the rating is self-scored
    assert appraisal.head_total == D("80.00")  # the head has not rated yet; the metric alone counts
    rating.head_score, csat.value_score = D("100"), D("60")
    refresh_totals(appraisal)
    assert appraisal.head_total == D("82.00") and appraisal.total == D("82.00") and appraisal.grade == Grade.GOOD


def test_a_calibrated_total_stays(org, make_template, make_cycle, make_appraisal):
    appraisal = make_appraisal(make_cycle(), org.desk_staff, make_template())
    appraisal.calibrated, appraisal.total, appraisal.grade = True, D("91"), Grade.EXCELLENT
    appraisal.items[0].head_score = D("20")
    refresh_totals(appraisal)
    assert appraisal.total == D("91") and appraisal.head_total == D("20.00")


def test_template_for_prefers_position_then_department_then_company(org, make_template, make_position):
    company = make_template("T-CO")
    front = make_template("T-FO", department_id=org.front.id)
    position = make_position(department=org.front_desk)
    assert template_for(org.desk_staff, [company, front]) == front  # the parent department's
    org.desk_staff.position_id = position.id
    by_position = make_template("T-POS", position_id=position.id)
    assert template_for(org.desk_staff, [company, front, by_position]) == by_position
    assert template_for(org.hk_staff, [company, front, by_position]) == company


def test_who_scores_whom(org, make_user, make_staff, make_template, make_cycle, make_appraisal):
    desk_head_staff = make_staff(org.front_desk, name_zh="前台主管")
    desk_head = make_user(Role.HEAD, "deskhead", staff=desk_head_staff, departments=[org.front_desk])
    cycle, template = make_cycle(stage=CycleStage.HEAD_SCORING), make_template(self_assessment=False)
    clerk = make_appraisal(cycle, org.desk_staff, template)
    sub_head = make_appraisal(cycle, desk_head_staff, template)
    general_manager = make_appraisal(cycle, org.head_staff, template)
    assert (clerk.scorer, sub_head.scorer, general_manager.scorer) == (Scorer.HEAD, Scorer.GENERAL_MANAGER,
                                                                          Scorer.HR)
    assert access.can_score(desk_head, clerk) and access.can_score(org.head, clerk)
    assert not access.can_score(desk_head, sub_head)  # nobody scores themselves
    assert access.can_score(org.head, sub_head)  # the head of the top department scores the heads
    assert not access.can_score(org.head, general_manager) and access.can_score(org.hr, general_manager)
    assert not access.can_score(org.staff, clerk) and not access.can_score(org.hr, clerk)


def test_the_result_stays_hidden_until_published(org, make_template, make_cycle, make_appraisal):
    appraisal = make_appraisal(make_cycle(stage=CycleStage.CALIBRATION), org.desk_staff, make_template(),
                               status=AppraisalStatus.SCORED, total=D("85"), grade=Grade.GOOD)
    assert access.can_view_appraisal(org.staff, appraisal) and not access.can_view_result(org.staff, appraisal)
    assert access.can_view_result(org.head, appraisal) and access.can_view_result(org.hr, appraisal)
    assert not access.can_view_appraisal(org.other_staff, appraisal)
    visible = db.session.scalars(db.select(type(appraisal)).where(access.result_scope(org.staff))).all()
    assert visible == []
    appraisal.status = AppraisalStatus.PUBLISHED
    db.session.flush()
    assert access.can_view_result(org.staff, appraisal)
    assert db.session.scalars(db.select(type(appraisal)).where(access.result_scope(org.staff))).all() == [appraisal]
    assert db.session.scalars(db.select(type(appraisal)).where(access.appraisal_scope(org.other_staff))).all() == []


def test_hr_clerks_own_result_waits_like_anyones(org, make_staff, make_user, make_template, make_cycle,
                                                 make_appraisal):
    clerk_staff = make_staff(org.housekeeping, name_zh="人事专员")
    clerk = make_user(Role.HR, "hrclerk", staff=clerk_staff)
    appraisal = make_appraisal(make_cycle(stage=CycleStage.CALIBRATION), clerk_staff, make_template(),
                               status=AppraisalStatus.SCORED, total=D("85"), grade=Grade.GOOD)
    assert access.can_view_appraisal(clerk, appraisal) and not access.can_view_result(clerk, appraisal)
    assert not access.can_calibrate(clerk, appraisal) and access.can_calibrate(org.hr, appraisal)
    assert db.session.scalars(db.select(type(appraisal)).where(access.result_scope(clerk))).all() == []
    appraisal.status = AppraisalStatus.APPEALED
    assert not access.can_decide_appeal(clerk, appraisal) and access.can_decide_appeal(org.hr, appraisal)


def test_a_heads_appraisal_is_not_their_fellow_heads_business(org, make_staff, make_user, make_template,
                                                              make_cycle, make_appraisal):
    manager_staff, deputy_staff = make_staff(org.front_desk), make_staff(org.front_desk)
    make_user(Role.HEAD, "deskmanager", staff=manager_staff, departments=[org.front_desk])
    deputy = make_user(Role.HEAD, "deskdeputy", staff=deputy_staff, departments=[org.front_desk])
    appraisal = make_appraisal(make_cycle(stage=CycleStage.CALIBRATION), manager_staff, make_template(),
                               status=AppraisalStatus.SCORED, total=D("85"), grade=Grade.GOOD)
    assert appraisal.scorer == Scorer.GENERAL_MANAGER
    assert not access.can_view_appraisal(deputy, appraisal) and access.can_view_result(org.head, appraisal)
    Appraisal = type(appraisal)
    assert db.session.scalars(db.select(Appraisal).where(access.appraisal_scope(deputy))).all() == []
    assert db.session.scalars(db.select(Appraisal).where(access.appraisal_scope(org.head))).all() == [appraisal]


def test_where_no_head_account_holds_the_place_hr_scores(org, make_department, make_staff, make_user):
    from hrapp.blueprints.appraisals import setup

    lonely = make_staff(make_department("SPA", "水疗部"))
    desk_head_staff = make_staff(org.front_desk)
    make_user(Role.HEAD, "deskhead2", staff=desk_head_staff, departments=[org.front_desk])
    heads, headed = setup.heading_staff_ids(), setup.headed_paths()
    assert setup.scorer_for(lonely, heads, headed) == Scorer.HR  # nobody heads SPA
    assert setup.scorer_for(org.desk_staff, heads, headed) == Scorer.HEAD
    assert setup.scorer_for(desk_head_staff, heads, headed) == Scorer.GENERAL_MANAGER  # FO's head is there
    org.head.is_enabled = False
    db.session.flush()
    assert setup.scorer_for(desk_head_staff, heads, setup.headed_paths()) == Scorer.HR


def test_an_appraisal_keeps_the_grade_bands_it_was_made_with(org, make_template, make_cycle, make_appraisal):
    template = make_template()
    appraisal = make_appraisal(make_cycle(), org.desk_staff, template)
    template.grade_bands = [["excellent", "95"], ["good", "85"], ["pass", "70"], ["needs_improvement", "60"],
                            ["fail", "0"]]
    for item in appraisal.items:
        item.head_score = D("92")
    refresh_totals(appraisal)
    assert appraisal.grade == Grade.EXCELLENT  # by the bands of when it was made (90), not the edited 95
