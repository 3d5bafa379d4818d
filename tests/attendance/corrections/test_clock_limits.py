"""The iclock endpoints' per-device rate limit: past it a terminal gets a 200 "FAIL" (it waits, not loops); other
terminals are counted apart."""
from hrapp.extensions import db
from hrapp.models import AttendanceDevice


def test_a_flooding_terminal_is_told_to_wait_and_others_are_not(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "ICLOCK_RATE_LIMIT", "3 per minute")
    db.session.add_all([AttendanceDevice(serial="LIMIT-A"), AttendanceDevice(serial="LIMIT-B")])
    db.session.commit()
    answers = [client.get("/iclock/cdata?SN=LIMIT-A&options=all") for _ in range(3)]
    answers += [client.get("/iclock/getrequest?SN=LIMIT-A")]  # one count across the endpoints
    assert [a.status_code for a in answers] == [200, 200, 200, 200]
    assert [a.get_data(as_text=True).strip() == "FAIL" for a in answers] == [False, False, False, True]
    other = client.get("/iclock/cdata?SN=LIMIT-B&options=all")
    assert other.status_code == 200 and other.get_data(as_text=True).strip() != "FAIL"
