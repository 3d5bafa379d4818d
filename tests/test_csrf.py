"""CSRF protection, which the other tests turn off: a form POST needs the token from the page."""
import re

import pytest

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.extensions import db
from hrapp.models import Role

PASSWORD = "Correct-Horse-Battery-9"
TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture
def csrf_client(tmp_path):
    """A client of an app with CSRF on, over its own SQLite file holding one account."""

    class CsrfConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'csrf.sqlite'}"
        WTF_CSRF_ENABLED = True

    app = create_app(CsrfConfig)
    with app.app_context():
        db.create_all()
        create_user("clerk", PASSWORD, Role.HR, None, must_change_password=False)
        db.session.commit()
        db.session.remove()
    yield app.test_client()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def token_from(client, path: str) -> str:
    match = TOKEN_RE.search(client.get(path).get_data(as_text=True))
    assert match, f"no csrf_token on {path}"
    return match.group(1)


def test_login_post_without_token_is_refused(csrf_client):
    response = csrf_client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD})
    assert response.status_code == 400
    assert csrf_client.get("/").status_code == 302  # still logged out


def test_login_post_with_a_forged_token_is_refused(csrf_client):
    token_from(csrf_client, "/auth/login")  # a session exists, but the token is not its own
    response = csrf_client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD,
                                                     "csrf_token": "forged"})
    assert response.status_code == 400


def test_login_post_with_token_from_the_page_is_accepted(csrf_client):
    token = token_from(csrf_client, "/auth/login")
    response = csrf_client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD,
                                                     "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert csrf_client.get("/").status_code == 200


def test_logout_needs_a_token_too(csrf_client):
    csrf_client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD,
                                          "csrf_token": token_from(csrf_client, "/auth/login")})
    assert csrf_client.post("/auth/logout").status_code == 400
    assert csrf_client.get("/").status_code == 200  # still logged in
    response = csrf_client.post("/auth/logout", data={"csrf_token": token_from(csrf_client, "/")})
    assert response.status_code == 302
    assert csrf_client.get("/").status_code == 302
