"""Signing in with the code the trainer shows: inside the window only, only the enrolled, harmless twice,
wrong guesses rate-limited."""
from datetime import timedelta

import pytest

from hrapp.blueprints.training.results.messages import MESSAGES, ResultsError
from hrapp.blueprints.training.results.register import sign_in_with_code
from hrapp.extensions import db, limiter
from hrapp.models import AuditEntry, Enrolment, Presence
from tests.access_matrix import login


@pytest.fixture(autouse=True)
def _fresh_limits():
    limiter.reset()
    yield
    limiter.reset()


def reload(row):
    db.session.expire_all()
    return db.session.get(type(row), row.id)


def test_the_enrolled_person_signs_in_within_the_window(client, auth, scene):
    auth.login("staff")
    response = client.post("/training/sign-in", data={"code": " 123456 "})
    assert response.status_code == 302
    desk = reload(scene.desk)
    assert desk.presence == Presence.PRESENT and desk.signed_in_with_code and desk.signed_in_at is not None
    assert desk.marked_by_id is None
    page = client.get("/training/sign-in").get_data(as_text=True)
    assert "消防安全" in page and f"/training/results/enrolments/{desk.id}/feedback" in page
    entry = db.session.query(AuditEntry).filter_by(action="training.sign_in").one()
    assert entry.target_id == desk.id and entry.after["presence"] == "present"


def test_signing_in_twice_says_so_and_changes_nothing(client, auth, scene):
    auth.login("staff")
    client.post("/training/sign-in", data={"code": "123456"})
    first = reload(scene.desk)
    version, at = first.version_id, first.signed_in_at
    response = client.post("/training/sign-in", data={"code": "123456"}, follow_redirects=True)
    assert response.status_code == 200
    again = reload(scene.desk)
    assert again.version_id == version and again.signed_in_at == at


def test_a_wrong_code_is_refused(client, auth, scene):
    auth.login("staff")
    response = client.post("/training/sign-in", data={"code": "000000"})
    assert response.status_code == 422
    assert reload(scene.desk).presence == Presence.UNMARKED


@pytest.mark.parametrize("shift, code", [(timedelta(minutes=-20), "too_early"), (timedelta(hours=3), "too_late")])
def test_outside_the_window_is_refused(scene, shift, code):
    """Before the window (15 minutes before the start) and after the end; the edges belong to the window."""
    starts = scene.session.starts_at
    now = starts + shift
    with pytest.raises(ResultsError) as refused:
        sign_in_with_code(scene.staff, scene.desk_staff, "123456", now=now)
    prefix = str(MESSAGES[code]).split("%")[0]
    assert refused.value.message.startswith(prefix)
    assert sign_in_with_code(scene.staff, scene.desk_staff, "123456", now=starts - timedelta(minutes=15)).enrolment
    assert sign_in_with_code(scene.staff, scene.desk_staff, "123456", now=scene.session.ends_at).already


def test_outside_the_window_over_http(client, auth, scene):
    """The past session's code: its window closed ten days ago."""
    auth.login("staff")
    db.session.add(Enrolment(session_id=scene.past.id, staff_id=scene.desk_staff.id))
    db.session.commit()
    assert client.post("/training/sign-in", data={"code": "654321"}).status_code == 422
    assert all(e.presence == Presence.UNMARKED for e in db.session.query(Enrolment).filter_by(
        staff_id=scene.desk_staff.id))


def test_someone_not_enrolled_or_only_waiting_is_refused(client, auth, scene):
    auth.login("other")  # the housekeeping clerk: not enrolled (the trainer)
    response = client.post("/training/sign-in", data={"code": "123456"})
    assert response.status_code == 422
    auth.logout()
    auth.login("head")  # on the waiting list
    response = client.post("/training/sign-in", data={"code": "123456"})
    assert response.status_code == 422
    assert reload(scene.waiting).presence == Presence.UNMARKED


def test_a_malformed_code_is_refused_on_the_field(client, auth, scene):
    auth.login("staff")
    assert client.post("/training/sign-in", data={"code": "12ab"}).status_code == 422
    assert reload(scene.desk).presence == Presence.UNMARKED


def test_an_account_without_a_staff_record_cannot_sign_in(client, auth, scene):
    auth.login("hr")
    assert 'id="no-staff-record"' in client.get("/training/sign-in").get_data(as_text=True)
    assert client.post("/training/sign-in", data={"code": "123456"}).status_code == 422


def test_wrong_guesses_are_rate_limited(client, auth, scene):
    auth.login("staff")
    statuses = [client.post("/training/sign-in", data={"code": f"{n:06d}"}).status_code for n in range(6)]
    assert statuses == [422] * 5 + [429]
    assert reload(scene.desk).presence == Presence.UNMARKED


def test_a_successful_sign_in_does_not_use_up_the_guesses(client, auth, scene):
    auth.login("staff")
    for _ in range(4):
        assert client.post("/training/sign-in", data={"code": "999999"}).status_code == 422
    for _ in range(3):  # right code: harmless, never limited
        assert client.post("/training/sign-in", data={"code": "123456"}).status_code == 302
    assert client.post("/training/sign-in", data={"code": "999999"}).status_code == 422
    assert client.post("/training/sign-in", data={"code": "999999"}).status_code == 429


def test_the_menu_links(app, scene):
    staff_page = login(app, "staff").get("/training/sign-in").get_data(as_text=True)
    assert 'id="nav-training-sign-in"' in staff_page and 'id="nav-training-certificates"' not in staff_page
    head_page = login(app, "head").get("/training/sign-in").get_data(as_text=True)
    assert 'id="nav-training-sign-in"' in head_page and 'id="nav-training-certificates"' in head_page
