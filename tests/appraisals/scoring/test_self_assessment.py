"""The person's self-assessment through the pages: drafts, submitting, the deadline (and HR extending it), a
level outside the scale, an unscored item left out of the total (never zero), and the scorers told."""
from datetime import timedelta
from decimal import Decimal as D

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, Notification

from .conftest import item_form


def url(appraisal, tail="self"):
    return f"/appraisals/{appraisal.id}/{tail}"


def reload(appraisal) -> Appraisal:
    db.session.expire_all()
    return db.session.get(Appraisal, appraisal.id)


def test_the_form_shows_the_self_scored_items(client, auth, scene):
    auth.login("staff")
    page = client.get(url(scene.appraisal)).get_data(as_text=True)
    assert "服务与工作态度" in page and "销售额" in page and "出勤率" not in page
    assert f'name="level-{scene.rating.id}"' in page and f'name="value-{scene.kpi.id}"' in page


def test_a_draft_stays_in_self_review(client, auth, scene):
    auth.login("staff")
    response = client.post(url(scene.appraisal), data=item_form(scene.appraisal, level_1="4", comment_1="尽力了",
                                                                 comment="草稿"))
    assert response.status_code == 302
    appraisal = reload(scene.appraisal)
    assert appraisal.status == AppraisalStatus.SELF_REVIEW and appraisal.self_submitted_at is None
    rating, kpi, _metric = appraisal.items
    assert (rating.self_level, rating.self_score, rating.self_comment) == (4, D("80.00"), "尽力了")
    assert kpi.self_score is None  # not scored: None, not zero
    assert appraisal.self_total == D("80.00") and appraisal.self_comment == "草稿"
    assert appraisal.head_total is None and appraisal.total is None


def test_submitting_scores_the_kpi_by_its_bands_and_tells_the_head(client, auth, scene):
    auth.login("staff")
    response = client.post(url(scene.appraisal, "self/submit"),
                           data=item_form(scene.appraisal, level_1="5", value_2="85"))
    assert response.status_code == 302
    appraisal = reload(scene.appraisal)
    assert appraisal.status == AppraisalStatus.HEAD_REVIEW and appraisal.self_submitted_at is not None
    assert appraisal.items[1].self_score == D("80.00")
    assert appraisal.self_total == D("91.43")  # (40×100 + 30×80) / 70
    notes = db.session.scalars(db.select(Notification).where(Notification.kind == "appraisal.self_submitted")).all()
    assert [n.user_id for n in notes] == [scene.head.id]
    assert "提交了" in notes[0].text and scene.desk_staff.display_name in notes[0].text
    assert client.get(url(scene.appraisal)).status_code == 403  # nothing more to self-assess


def test_the_page_button_submits_what_was_saved(client, auth, scene):
    auth.login("staff")
    client.post(url(scene.appraisal), data=item_form(scene.appraisal, level_1="3"))
    appraisal = reload(scene.appraisal)
    response = client.post(url(appraisal, "self/submit"), data={"version_id": appraisal.version_id})
    assert response.status_code == 302
    appraisal = reload(scene.appraisal)
    assert appraisal.status == AppraisalStatus.HEAD_REVIEW and appraisal.items[0].self_level == 3


def test_a_level_outside_the_scale_is_refused_on_its_field(client, auth, scene):
    auth.login("staff")
    response = client.post(url(scene.appraisal), data=item_form(scene.appraisal, level_1="6", value_2="abc"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f'data-error-for="level-{scene.rating.id}"' in page and f'data-error-for="value-{scene.kpi.id}"' in page
    assert reload(scene.appraisal).items[0].self_level is None


def test_after_the_deadline_it_is_refused_until_hr_extends_it(client, auth, scene):
    scene.cycle.self_due_on = company_today() - timedelta(days=1)
    db.session.commit()
    auth.login("staff")
    response = client.post(url(scene.appraisal), data=item_form(scene.appraisal, level_1="4"))
    assert response.status_code == 422
    assert "截止" in response.get_data(as_text=True) or "deadline" in response.get_data(as_text=True)
    assert reload(scene.appraisal).items[0].self_level is None
    cycle = reload(scene.appraisal).cycle
    cycle.self_due_on = company_today()  # HR extends it to today
    db.session.commit()
    appraisal = reload(scene.appraisal)
    response = client.post(url(appraisal), data=item_form(appraisal, level_1="4"))
    assert response.status_code == 302 and reload(scene.appraisal).items[0].self_level == 4


def test_a_stale_page_gets_the_stale_message(client, auth, scene):
    auth.login("staff")
    old = scene.appraisal.version_id
    client.post(url(scene.appraisal), data=item_form(scene.appraisal, level_1="4"))
    response = client.post(url(scene.appraisal), data=item_form(scene.appraisal, version=old, level_1="2"))
    assert response.status_code == 409
    assert reload(scene.appraisal).items[0].self_level == 4


def test_only_the_person_self_assesses(client, auth, scene):
    for username, code in (("head", 403), ("hr", 403), ("other", 404)):
        auth.login(username)
        assert client.get(url(scene.appraisal)).status_code == code, username
        auth.logout()
