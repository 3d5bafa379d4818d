"""The correction pages through the test client: asking (validation messages, the limit, a closed month), the
head's decision (stale version, a reason to reject), withdrawing, the lists and their filters, HR's correction,
the link from one's own month."""
from datetime import datetime

import sqlalchemy as sa

from hrapp.blueprints.attendance.corrections import services
from hrapp.extensions import db
from hrapp.models import AttendanceCorrection, CorrectionStatus, DayStatus, Punch, PunchSource

from .conftest import day_row
from .test_services import close_may


def _form(o, day=None, kind="missing_out", at="15:05", reason="Forgot to punch out"):
    return {"day": (day or o.day).isoformat(), "kind": kind, "time": at, "reason": reason}


def _english(client, auth, username):
    auth.login(username)
    client.post("/auth/locale/en")


def _ask(client, o, **kw):
    return client.post("/attendance/corrections/new", data=_form(o, **kw))


def _only() -> AttendanceCorrection:
    return db.session.scalar(sa.select(AttendanceCorrection))


def test_my_month_links_a_missing_day_to_the_request_form(client, auth, missing_out):
    o = missing_out
    auth.login("zhangsan")
    page = client.get("/attendance/me?month=2026-05").get_data(as_text=True)
    assert f'data-correct="{o.day.isoformat()}"' in page
    assert f"/attendance/corrections/new?day={o.day.isoformat()}&amp;kind=missing_out" in page
    form = client.get(f"/attendance/corrections/new?day={o.day.isoformat()}&kind=missing_out").get_data(as_text=True)
    assert f'value="{o.day.isoformat()}"' in form


def test_staff_ask_and_the_head_accepts(client, auth, missing_out, monkeypatch):
    o = missing_out
    monkeypatch.setattr(services, "local_now", lambda: datetime(2026, 5, 31, 23))  # "this month" is May
    auth.login("zhangsan")
    response = _ask(client, o)
    correction = _only()
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/corrections/{correction.id}")
    mine = client.get("/attendance/corrections/").get_data(as_text=True)
    assert 'id="corrections-used"' in mine and "1 / 3" in mine
    auth.logout()
    auth.login("head")
    page = client.get(f"/attendance/corrections/{correction.id}").get_data(as_text=True)
    assert 'data-transition="accept"' in page and 'data-transition="withdraw"' not in page
    done = client.post(f"/attendance/corrections/{correction.id}/accept", data={"version_id": correction.version_id})
    assert done.status_code == 302
    db.session.expire_all()
    assert _only().status == CorrectionStatus.ACCEPTED
    assert day_row(o.person, o.day).status == DayStatus.PRESENT
    history = client.get(f"/attendance/corrections/{correction.id}").get_data(as_text=True)
    assert history.count("<li>") >= 2


def test_validation_messages(client, auth, missing_out):
    o = missing_out
    _english(client, auth, "zhangsan")
    assert "This field is required." in _ask(client, o, reason="").get_data(as_text=True)
    page = _ask(client, o, kind="missing_in", at="07:00").get_data(as_text=True)
    assert "This day needs no correction for that punch" in page
    page = _ask(client, o, at="23:30").get_data(as_text=True)
    assert "outside the shift&#39;s punch window (05:00 – 21:00)" in page
    assert db.session.scalar(sa.select(sa.func.count(AttendanceCorrection.id))) == 0
    assert _ask(client, o).status_code == 302
    assert "already waiting" in _ask(client, o, at="15:10").get_data(as_text=True)


def test_a_closed_month_says_so(client, auth, missing_out):
    o = missing_out
    close_may(o)
    _english(client, auth, "zhangsan")
    page = _ask(client, o)
    assert page.status_code == 200 and "closed" in page.get_data(as_text=True)


def test_a_stale_accept_changes_nothing_and_a_reject_needs_a_reason(client, auth, missing_out):
    o = missing_out
    auth.login("zhangsan")
    _ask(client, o)
    correction = _only()
    auth.logout()
    _english(client, auth, "head")
    stale = client.post(f"/attendance/corrections/{correction.id}/accept", data={"version_id": correction.version_id + 5})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Punch.id)).where(Punch.source == PunchSource.CORRECTION)) == 0
    page = client.post(f"/attendance/corrections/{correction.id}/reject", data={"version_id": correction.version_id})
    assert "Please give a reason." in page.get_data(as_text=True)
    client.post(f"/attendance/corrections/{correction.id}/reject",
                data={"version_id": correction.version_id, "note": "Not on the camera"})
    db.session.expire_all()
    assert (_only().status, _only().decision_note) == (CorrectionStatus.REJECTED, "Not on the camera")


def test_the_person_withdraws(client, auth, missing_out):
    o = missing_out
    auth.login("zhangsan")
    _ask(client, o)
    correction = _only()
    assert client.post(f"/attendance/corrections/{correction.id}/accept",
                       data={"version_id": correction.version_id}).status_code == 403
    assert client.post(f"/attendance/corrections/{correction.id}/withdraw",
                       data={"version_id": correction.version_id}).status_code == 302
    db.session.expire_all()
    assert _only().status == CorrectionStatus.WITHDRAWN


def test_lists_filter_by_status_department_month_and_text(client, auth, missing_out):
    o = missing_out
    auth.login("zhangsan")
    _ask(client, o)
    auth.logout()
    auth.login("head")
    waiting = client.get("/attendance/corrections/all").get_data(as_text=True)
    assert o.person.staff_number in waiting and 'data-status="pending"' in waiting
    assert 'id="corrections-empty"' in client.get("/attendance/corrections/all?status=accepted").get_data(as_text=True)
    auth.logout()
    auth.login("hr")
    base = "/attendance/corrections/all?status=all"
    assert o.person.staff_number in client.get(f"{base}&month=2026-05&department_id={o.front.id}").get_data(as_text=True)
    assert o.person.staff_number in client.get(f"{base}&q={o.person.name_zh[:1]}").get_data(as_text=True)
    assert 'id="corrections-empty"' in client.get(f"{base}&month=2026-04").get_data(as_text=True)
    assert 'id="corrections-empty"' in client.get(f"{base}&department_id={o.housekeeping.id}").get_data(as_text=True)
    assert 'id="corrections-empty"' in client.get(f"{base}&q=NOBODY").get_data(as_text=True)
    garbled = client.get(f"{base}&month=garbage&page=999&sort=nope")
    assert garbled.status_code == 200 and "text-warning" in garbled.get_data(as_text=True)
    auth.logout()
    auth.login("hkhead")
    assert 'id="corrections-empty"' in client.get(base).get_data(as_text=True)


def test_hr_adds_a_punch_and_unknown_numbers_are_refused(client, auth, missing_out):
    o = missing_out
    _english(client, auth, "hr")
    page = client.post("/attendance/corrections/hr/new", data={**_form(o), "staff_number": "NOBODY"})
    assert "No staff member has this staff number." in page.get_data(as_text=True)
    done = client.post("/attendance/corrections/hr/new", data={**_form(o, at="15:00", reason="Clock broken"),
                                                                  "staff_number": o.person.staff_number})
    assert done.status_code == 302
    correction = _only()
    assert (correction.by_hr, correction.status) == (True, CorrectionStatus.ACCEPTED)
    assert day_row(o.person, o.day).status == DayStatus.PRESENT


def test_staff_without_a_record_get_404(client, auth, missing_out):
    auth.login("hr")
    assert client.get("/attendance/corrections/").status_code == 404
    assert client.get("/attendance/corrections/new").status_code == 404
