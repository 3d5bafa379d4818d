"""What the appraisal page shows to whom: the person sees nothing of the head's scoring (total, grade, comments)
until the result is published; the head sees the self-assessment only once submitted. The person's list and the
list to score."""
from decimal import Decimal as D

import pytest

from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage, Grade


@pytest.fixture
def scored(scene):
    a = scene.appraisal
    scene.cycle.stage = CycleStage.CALIBRATION
    a.status, a.total, a.head_total, a.grade = AppraisalStatus.SCORED, D("87.65"), D("87.65"), Grade.GOOD
    a.head_comment = "头儿的总评"
    scene.rating.head_level, scene.rating.head_score, scene.rating.head_comment = 5, D("100"), "头儿的单项评语"
    db.session.commit()
    return scene


def test_the_person_sees_no_head_scoring_before_publication(client, auth, scored):
    auth.login("staff")
    page = client.get(f"/appraisals/{scored.appraisal.id}").get_data(as_text=True)
    for hidden in ("87.65", "头儿的总评", "头儿的单项评语", 'id="appraisal-grade"', "head-score"):
        assert hidden not in page, hidden
    assert 'id="result-hidden"' in page
    my = client.get("/appraisals/my").get_data(as_text=True)
    assert "87.65" not in my and "my-grade" not in my


def test_the_person_sees_it_once_published(client, auth, scored):
    scored.appraisal.status = AppraisalStatus.PUBLISHED
    scored.cycle.stage = CycleStage.PUBLISHED
    db.session.commit()
    auth.login("staff")
    page = client.get(f"/appraisals/{scored.appraisal.id}").get_data(as_text=True)
    assert "87.65" in page and "头儿的总评" in page and "头儿的单项评语" in page and 'id="appraisal-grade"' in page
    assert "my-grade" in client.get("/appraisals/my").get_data(as_text=True)


def test_the_head_sees_the_result_at_every_stage(client, auth, scored):
    auth.login("head")
    page = client.get(f"/appraisals/{scored.appraisal.id}").get_data(as_text=True)
    assert "87.65" in page and "头儿的总评" in page


def test_the_head_sees_the_self_assessment_only_once_submitted(client, auth, scene):
    scene.rating.self_level, scene.rating.self_score, scene.rating.self_comment = 2, D("40"), "我的自评"
    db.session.commit()
    auth.login("head")
    assert "我的自评" not in client.get(f"/appraisals/{scene.appraisal.id}").get_data(as_text=True)
    auth.logout()
    auth.login("staff")
    assert "我的自评" in client.get(f"/appraisals/{scene.appraisal.id}").get_data(as_text=True)
    db.session.get(type(scene.appraisal), scene.appraisal.id).status = AppraisalStatus.HEAD_REVIEW
    db.session.commit()
    auth.logout()
    auth.login("head")
    assert "我的自评" in client.get(f"/appraisals/{scene.appraisal.id}").get_data(as_text=True)


def test_my_appraisals_say_what_waits(client, auth, scene):
    auth.login("staff")
    page = client.get("/appraisals/my").get_data(as_text=True)
    assert scene.cycle.name in page and f"/appraisals/{scene.appraisal.id}/self" in page
    auth.logout()
    auth.login("hkhead")  # no staff record
    assert 'id="no-appraisals"' in client.get("/appraisals/my").get_data(as_text=True)


def test_the_list_to_score(client, auth, scene, make_appraisal):
    hk = make_appraisal(scene.cycle, scene.hk_staff, scene.template)
    manager = make_appraisal(scene.cycle, scene.head_staff, scene.template)
    db.session.commit()
    auth.login("head")
    page = client.get("/appraisals/to-score").get_data(as_text=True)
    assert f'data-appraisal-id="{scene.appraisal.id}"' in page
    assert f'data-appraisal-id="{hk.id}"' not in page and f'data-appraisal-id="{manager.id}"' not in page
    page = client.get("/appraisals/to-score?q=nobody").get_data(as_text=True)
    assert 'id="nothing-to-score"' in page
    page = client.get(f"/appraisals/to-score?q={scene.desk_staff.staff_number}&status=self_review"
                      f"&cycle={scene.cycle.id}&department={scene.front_desk.id}").get_data(as_text=True)
    assert f'data-appraisal-id="{scene.appraisal.id}"' in page
    assert 'id="filter-errors"' in client.get("/appraisals/to-score?status=bogus").get_data(as_text=True)
    auth.logout()
    auth.login("hr")  # HR scores the general manager, not the clerks
    page = client.get("/appraisals/to-score").get_data(as_text=True)
    assert f'data-appraisal-id="{manager.id}"' in page and f'data-appraisal-id="{hk.id}"' not in page
