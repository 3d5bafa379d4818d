"""The scorer's page: ratings with comments on the extreme levels, KPI values scored by bands, overriding a
measured score with a reason, submitting (SCORED, totals, who scored), the deadline, who may score whom (never
themselves; the general manager scores heads, HR the general manager and team appraisals), two heads on one
appraisal (the second is stale)."""
from datetime import timedelta
from decimal import Decimal as D

import pytest

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, CycleStage, Grade, Role, Scorer

from .conftest import item_form


@pytest.fixture
def scoring(scene):
    scene.cycle.stage = CycleStage.HEAD_SCORING
    scene.appraisal.status = AppraisalStatus.HEAD_REVIEW
    scene.metric.value, scene.metric.value_score = D("96"), D("80")
    db.session.commit()
    return scene


def url(appraisal, tail="score"):
    return f"/appraisals/{appraisal.id}/{tail}"


def reload(appraisal) -> Appraisal:
    db.session.expire_all()
    return db.session.get(Appraisal, appraisal.id)


def test_an_extreme_level_needs_a_comment(client, auth, scoring):
    auth.login("head")
    response = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, level_1="5"))
    assert response.status_code == 422
    assert f'data-error-for="comment-{scoring.rating.id}"' in response.get_data(as_text=True)
    assert reload(scoring.appraisal).items[0].head_level is None
    response = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, level_1="5",
                                                                   comment_1="全季零投诉"))
    assert response.status_code == 302 and reload(scoring.appraisal).items[0].head_score == D("100.00")


def test_a_draft_keeps_the_status_and_refreshes_the_totals(client, auth, scoring):
    auth.login("head")
    response = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, value_2="85"))
    assert response.status_code == 302
    appraisal = reload(scoring.appraisal)
    kpi = appraisal.items[1]
    assert (kpi.value, kpi.value_score, kpi.head_score) == (D("85"), D("80.00"), D("80.00"))
    assert appraisal.status == AppraisalStatus.HEAD_REVIEW and appraisal.total == D("80.00")  # KPI and metric


def test_submit_needs_every_rating(client, auth, scoring):
    auth.login("head")
    response = client.post(url(scoring.appraisal, "score/submit"), data=item_form(scoring.appraisal, value_2="85"))
    assert response.status_code == 422
    assert f'data-error-for="level-{scoring.rating.id}"' in response.get_data(as_text=True)
    assert reload(scoring.appraisal).status == AppraisalStatus.HEAD_REVIEW


def test_submit_scores_it(client, auth, scoring):
    auth.login("head")
    response = client.post(url(scoring.appraisal, "score/submit"),
                           data=item_form(scoring.appraisal, level_1="4", value_2="120", comment="稳定"))
    assert response.status_code == 302
    appraisal = reload(scoring.appraisal)
    assert appraisal.status == AppraisalStatus.SCORED and appraisal.scored_by_id == scoring.head.id
    assert appraisal.head_submitted_at is not None and appraisal.head_comment == "稳定"
    assert appraisal.total == D("86.00") and appraisal.grade == Grade.GOOD  # (40×80 + 30×100 + 30×80) / 100


def test_a_measured_score_may_be_overridden_with_a_reason(client, auth, scoring):
    auth.login("head")
    response = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, score_3="100"))
    assert response.status_code == 422
    assert f'data-error-for="comment-{scoring.metric.id}"' in response.get_data(as_text=True)
    response = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, score_3="100",
                                                                  comment_3="病假已批"))
    assert response.status_code == 302 and reload(scoring.appraisal).items[2].head_score == D("100")
    response = client.post(url(scoring.appraisal), data=item_form(reload(scoring.appraisal), score_3="101",
                                                                  comment_3="x"))
    assert response.status_code == 422


def test_after_the_deadline_scoring_is_refused(client, auth, scoring):
    scoring.cycle.head_due_on = company_today() - timedelta(days=1)
    db.session.commit()
    auth.login("head")
    response = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, level_1="3"))
    assert response.status_code == 422 and reload(scoring.appraisal).items[0].head_level is None


def test_outside_the_heads_departments_it_is_404(client, auth, scoring):
    auth.login("hkhead")
    assert client.get(url(scoring.appraisal)).status_code == 404
    assert client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, level_1="3")).status_code == 404
    auth.logout()
    auth.login("hr")  # HR sees it but does not score a clerk
    assert client.get(url(scoring.appraisal)).status_code == 403


def test_a_general_manager_scores_a_head_and_hr_the_general_manager(client, auth, scoring, make_staff, make_user,
                                                                    make_appraisal):
    desk_head_staff = make_staff(scoring.front_desk, name_zh="前台主管")
    make_user(Role.HEAD, "deskhead", staff=desk_head_staff, departments=[scoring.front_desk])
    sub_head = make_appraisal(scoring.cycle, desk_head_staff, scoring.template, status=AppraisalStatus.HEAD_REVIEW)
    manager = make_appraisal(scoring.cycle, scoring.head_staff, scoring.template, status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    assert (sub_head.scorer, manager.scorer) == (Scorer.GENERAL_MANAGER, Scorer.HR)
    auth.login("deskhead")
    assert client.get(url(sub_head)).status_code == 403  # never their own
    assert client.get(url(scoring.appraisal)).status_code == 200  # their clerk
    auth.logout()
    auth.login("head")
    assert client.get(url(manager)).status_code == 403  # their own: HR scores the general manager
    response = client.post(url(sub_head, "score/submit"), data=item_form(sub_head, level_1="3"))
    assert response.status_code == 302 and reload(sub_head).status == AppraisalStatus.SCORED
    auth.logout()
    auth.login("hr")
    response = client.post(url(manager, "score/submit"), data=item_form(manager, level_1="2"))
    assert response.status_code == 302 and reload(manager).scored_by_id == scoring.hr.id


def test_hr_scores_a_team_appraisal(client, auth, scoring, make_template, make_appraisal):
    team = make_appraisal(scoring.cycle, None, make_template("T-TEAM", team=True, self_assessment=False),
                          department=scoring.front)
    db.session.commit()
    assert team.status == AppraisalStatus.HEAD_REVIEW and team.scorer == Scorer.HR
    auth.login("hr")
    page = client.get(f"/appraisals/{team.id}").get_data(as_text=True)
    assert 'id="appraisal-team"' in page and "前厅部" in page
    response = client.post(url(team, "score/submit"), data=item_form(team, level_1="3"))
    assert response.status_code == 302 and reload(team).status == AppraisalStatus.SCORED
    team = reload(team)
    team.status, team.cycle.stage = AppraisalStatus.PUBLISHED, CycleStage.PUBLISHED
    db.session.commit()
    auth.logout()
    auth.login("staff")  # a member of the department sees the team result on their own page
    page = client.get(f"/appraisals/{scoring.appraisal.id}").get_data(as_text=True)
    assert 'id="team-result"' in page


def test_two_heads_on_one_appraisal_the_second_is_stale(client, auth, scoring, make_user, app):
    make_user(Role.HEAD, "deputy", departments=[scoring.front])
    version = scoring.appraisal.version_id
    auth.login("head")
    first = client.post(url(scoring.appraisal), data=item_form(scoring.appraisal, version=version, level_1="3"))
    assert first.status_code == 302
    other = app.test_client()
    other.post("/auth/login", data={"identifier": "deputy", "password": "Correct-Horse-Battery-9"})
    second = other.post(url(scoring.appraisal), data=item_form(scoring.appraisal, version=version, level_1="2"))
    assert second.status_code == 409
    assert reload(scoring.appraisal).items[0].head_level == 3


def test_the_self_assessment_shows_beside_once_submitted(client, auth, scoring):
    scoring.rating.self_level, scoring.rating.self_score, scoring.rating.self_comment = 4, D("80"), "自评说明"
    db.session.commit()
    auth.login("head")
    assert "自评说明" not in client.get(url(scoring.appraisal)).get_data(as_text=True)
    appraisal = reload(scoring.appraisal)
    appraisal.self_submitted_at = appraisal.created_at
    db.session.commit()
    assert "自评说明" in client.get(url(scoring.appraisal)).get_data(as_text=True)
