"""Anonymous peer feedback: a colleague of the same department gives it once (a second time, or a double
click, gets the normal message); the head and HR see the average and comments without names, the person only
once published."""
import pytest
from sqlalchemy.exc import IntegrityError

from hrapp.blueprints.appraisals.scoring import peer
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage, PeerFeedback, Role


@pytest.fixture
def colleague(scene, make_staff, make_user):
    scene.colleague_staff = make_staff(scene.front_desk, name_zh="钱同事")
    scene.colleague = make_user(Role.STAFF, "colleague", staff=scene.colleague_staff)
    return scene


def test_a_colleague_gives_feedback_once(client, auth, colleague):
    auth.login("colleague")
    assert f"/appraisals/{colleague.appraisal.id}/peer-feedback" in client.get("/appraisals/my").get_data(as_text=True)
    url = f"/appraisals/{colleague.appraisal.id}/peer-feedback"
    assert client.post(url, data={"rating": "4", "comment": "乐于助人"}).status_code == 302
    again = client.post(url, data={"rating": "2", "comment": "改主意"})
    assert again.status_code == 422
    assert db.session.scalar(db.select(db.func.count()).select_from(PeerFeedback)) == 1
    assert 'id="peer-given"' in client.get(url).get_data(as_text=True)
    assert f"/appraisals/{colleague.appraisal.id}/peer-feedback" not in client.get("/appraisals/my").get_data(
        as_text=True)


def test_a_rating_is_required(client, auth, colleague):
    auth.login("colleague")
    response = client.post(f"/appraisals/{colleague.appraisal.id}/peer-feedback", data={"rating": "7"})
    assert response.status_code == 422 and db.session.scalar(db.select(db.func.count()).select_from(PeerFeedback)) == 0


def test_the_database_refuses_a_second_one(colleague):
    db.session.add(PeerFeedback(appraisal_id=colleague.appraisal.id, reviewer_staff_id=colleague.colleague_staff.id,
                                rating=3))
    db.session.flush()
    db.session.add(PeerFeedback(appraisal_id=colleague.appraisal.id, reviewer_staff_id=colleague.colleague_staff.id,
                                rating=4))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_who_may_give_it(client, auth, colleague):
    url = f"/appraisals/{colleague.appraisal.id}/peer-feedback"
    for username, code in (("staff", 403), ("other", 404), ("head", 403), ("hr", 403)):
        auth.login(username)
        assert client.get(url).status_code == code, username
        auth.logout()


def test_the_summary_is_anonymous_and_hidden_until_published(client, auth, colleague):
    peer.give_feedback(colleague.colleague, colleague.appraisal, 4, "乐于助人")
    db.session.commit()
    auth.login("head")
    page = client.get(f"/appraisals/{colleague.appraisal.id}").get_data(as_text=True)
    assert 'id="peer-summary"' in page and "乐于助人" in page and "4.00" in page
    assert "钱同事" not in page and colleague.colleague_staff.staff_number not in page
    auth.logout()
    auth.login("staff")
    assert "乐于助人" not in client.get(f"/appraisals/{colleague.appraisal.id}").get_data(as_text=True)
    appraisal = db.session.get(type(colleague.appraisal), colleague.appraisal.id)
    appraisal.status, appraisal.cycle.stage = AppraisalStatus.PUBLISHED, CycleStage.PUBLISHED
    db.session.commit()
    page = client.get(f"/appraisals/{colleague.appraisal.id}").get_data(as_text=True)
    assert "乐于助人" in page and "钱同事" not in page


def test_a_double_click_race_gets_the_normal_message(client, auth, colleague, monkeypatch):
    """Both clicks pass the "already given?" check; the database refuses the second, which reads as usual."""
    db.session.add(PeerFeedback(appraisal_id=colleague.appraisal.id, reviewer_staff_id=colleague.colleague_staff.id,
                                rating=3))
    db.session.commit()
    monkeypatch.setattr(peer, "given_by", lambda appraisal, staff_id: False)  # the first click not seen yet
    auth.login("colleague")
    response = client.post(f"/appraisals/{colleague.appraisal.id}/peer-feedback", data={"rating": "4"})
    assert response.status_code == 422
    assert db.session.scalar(db.select(db.func.count()).select_from(PeerFeedback)) == 1
