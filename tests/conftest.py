"""Shared fixtures: one app and schema per session, every table emptied after each test."""
import pytest
import sqlalchemy as sa
from flask import g, request_started, request_tearing_down

from config import TestingConfig
from hrapp import create_app
from hrapp.extensions import db as _db

pytest_plugins = ["tests.fixtures", "tests.roster_fixtures"]
PASSWORD = "Correct-Horse-Battery-9"


def _fresh_request_state(sender, **extra):
    """Tests hold an app context open, which Flask reuses for each test request: give every
    request a fresh `g` and database session, as it gets in production."""
    g.__dict__.clear()
    _db.session.remove()


@pytest.fixture(scope="session")
def app():
    app = create_app(TestingConfig)
    request_started.connect(_fresh_request_state, app)
    # ...and nothing a request cached in `g` (such as its language) outlives it.
    request_tearing_down.connect(lambda sender, **extra: g.__dict__.clear(), app, weak=False)
    with app.app_context():
        # Objects made by fixtures stay readable after the request that follows detaches them.
        _db.session.session_factory.configure(expire_on_commit=False)
        _db.drop_all()
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture(autouse=True)
def db(app):
    """The database, emptied after each test (fast on SQLite and PostgreSQL alike)."""
    yield _db
    _db.session.rollback()
    _db.session.remove()
    with _db.engine.begin() as conn:
        for table in reversed(_db.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    """Log in and out through the real login form."""

    def __init__(self, client):
        self._client = client

    def login(self, identifier: str, password: str = PASSWORD):
        return self._client.post("/auth/login", data={"identifier": identifier, "password": password})

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


def count(model) -> int:
    return _db.session.scalar(sa.select(sa.func.count()).select_from(model))
