"""With CSRF protection on (the other tests turn it off), the grid's JSON saves need the page's token in
the X-CSRFToken header; the public calendar feed needs none."""
import re
from datetime import date, time

import pytest

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import create_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role
from tests.test_csrf import PASSWORD, token_from


@pytest.fixture
def csrf_site(tmp_path):
    """A CSRF-protected app over its own SQLite file: a department with a shift type, its head and a draft week."""

    class CsrfConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'csrf-roster.sqlite'}"
        WTF_CSRF_ENABLED = True

    app = create_app(CsrfConfig)
    with app.app_context():
        db.create_all()
        department = save_department(None, None, "OPS", "运营部", "Operations", None, 5)
        db.session.flush()
        save_shift_type(None, department, ShiftTypeData("早", "早班", WORK, time(7), time(15), 60))
        create_user("boss", PASSWORD, Role.HEAD, None, departments=[department], must_change_password=False)
        roster = create_roster(None, department, PeriodKind.WEEK, date(2026, 3, 2))
        db.session.commit()
        roster_id = roster.id
        db.session.remove()
    client = app.test_client()
    client.post("/auth/login", data={"identifier": "boss", "password": PASSWORD,
                                     "csrf_token": token_from(client, "/auth/login")})
    yield client, roster_id
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_json_save_needs_the_pages_token_in_a_header(csrf_site):
    client, roster_id = csrf_site
    page = client.get(f"/roster/{roster_id}").get_data(as_text=True)
    token = re.search(r'data-csrf="([^"]+)"', page).group(1)
    payload = {"edits": [{"staff_id": 1, "day": "2026-03-02", "code": "早", "version": 0}]}
    assert client.post(f"/roster/{roster_id}/cells", json=payload).status_code == 400
    assert client.post(f"/roster/{roster_id}/cells", json=payload,
                       headers={"X-CSRFToken": "forged"}).status_code == 400
    # A valid token gets through to the service (which says no one is staff number 1 on this roster).
    response = client.post(f"/roster/{roster_id}/cells", json=payload, headers={"X-CSRFToken": token})
    assert response.status_code == 422 and response.get_json()["error"] == "invalid"


def test_the_feed_is_a_plain_get(csrf_site):
    client, _ = csrf_site
    assert client.get("/roster/feed/cal_unknown.ics").status_code == 404
