"""Shared fixtures: one app and schema per session; each test runs inside one database transaction
that is rolled back at its end, so nothing it commits outlives it.

- Tests marked `unit` (every module under tests/unit/, and pure rule modules that set
  `pytestmark = pytest.mark.unit`) get no app and no database at all.
- Tests marked `committed` need their commits to be really committed (another connection, engine,
  app or thread must see them): they run outside the transaction and every table is emptied after.
- Everything else: the scoped `db.session` is bound to one connection whose transaction the test
  never ends; the session joins it with a SAVEPOINT, so `db.session.commit()` and `rollback()` in
  views, services' callers and CLI commands work unchanged.
"""
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import g, request_started, request_tearing_down
from flask_sqlalchemy.session import Session as FlaskSession

from config import TestingConfig
from hrapp import create_app
from hrapp.extensions import db as _db

pytest_plugins = ["tests.fixtures", "tests.roster.fixtures", "tests.conduct.fixtures", "tests.leave.fixtures",
                  "tests.training.fixtures", "tests.appraisals.fixtures"]
PASSWORD = "Correct-Horse-Battery-9"
UNIT_DIR = Path(__file__).parent / "unit"


def pytest_collection_modifyitems(items):
    """Everything under tests/unit/ is pure: mark it `unit` (no app, no database)."""
    for item in items:
        if UNIT_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.unit)


def _fresh_request_state(sender, **extra):
    """Tests hold an app context open, which Flask reuses for each test request: give every
    request a fresh `g` and database session, as it gets in production. (The new session comes
    from the same factory, so inside a transactional test it joins the same connection.)"""
    g.__dict__.clear()
    _db.session.remove()


def _sqlite_savepoints(engine) -> None:
    """pysqlite's own transaction handling breaks SAVEPOINT: let SQLAlchemy emit BEGIN itself
    (the SQLAlchemy docs' recipe, "Serializable isolation / Savepoints / Transactional DDL")."""
    @sa.event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")


def _worker_config():
    """TestingConfig, except that each pytest-xdist worker on a database server gets its own database
    (named after the worker, recreated empty), so `-n 2` works on PostgreSQL too."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = sa.make_url(TestingConfig.SQLALCHEMY_DATABASE_URI)
    if not worker or url.get_backend_name() == "sqlite":
        return TestingConfig
    name = f"{url.database}_{worker}"
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    uri = url.set(database=name).render_as_string(hide_password=False)
    return type("WorkerTestingConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": uri})


@pytest.fixture(scope="session")
def app():
    app = create_app(_worker_config())
    request_started.connect(_fresh_request_state, app)
    # ...and nothing a request cached in `g` (such as its language) outlives it.
    request_tearing_down.connect(lambda sender, **extra: g.__dict__.clear(), app, weak=False)
    with app.app_context():
        if _db.engine.dialect.name == "sqlite":
            _db.engine.dispose()  # nothing stored yet: the next connection gets the listeners
            _sqlite_savepoints(_db.engine)
        # Objects made by fixtures stay readable after the request that follows detaches them.
        _db.session.session_factory.configure(expire_on_commit=False)
        _db.drop_all()
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


class _JoinedSession(FlaskSession):
    """Flask-SQLAlchemy's session always picks the current app's engine; this one uses the connection
    it is bound to (the test's) whenever the current app's engine is that connection's. A second app
    made by a test, with its own database, keeps its own engine."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if bind is None and self.bind is not None and self._db.engine is self.bind.engine:
            return self.bind
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


@contextmanager
def rolled_back(engine):
    """Run the block with `db.session` joined to one connection's transaction, rolled back at the
    end. Yields the connection. `db.session.remove()` (each request does it) keeps the binding: the
    next session comes from the same factory and joins the same transaction."""
    factory = _db.session.session_factory
    saved, saved_class = dict(factory.kw), factory.class_
    _db.session.remove()
    connection = engine.connect()
    transaction = connection.begin()
    factory.class_ = _JoinedSession
    factory.configure(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield connection
    finally:
        _db.session.remove()
        factory.kw.clear()
        factory.kw.update(saved)
        factory.class_ = saved_class
        transaction.rollback()
        connection.close()


def empty_all_tables() -> None:
    """The old cleanup, for `committed` tests: delete every row, children first."""
    _db.session.rollback()
    _db.session.remove()
    with _db.engine.begin() as conn:
        for table in reversed(_db.metadata.sorted_tables):
            conn.execute(table.delete())


def _needs_commits(request) -> bool:
    return bool(request.node.get_closest_marker("committed")) or "committed_db" in request.fixturenames


@pytest.fixture(autouse=True)
def _isolated_database(request):
    """Per test: nothing for `unit` tests; the old empty-every-table cleanup for `committed` tests
    (and those requesting `committed_db`); otherwise one rolled-back transaction (`rolled_back`),
    whose connection this fixture yields."""
    if request.node.get_closest_marker("unit"):
        yield None
        return
    request.getfixturevalue("app")
    if _needs_commits(request):
        yield None
        empty_all_tables()
        return
    with rolled_back(_db.engine) as connection:
        yield connection


@pytest.fixture
def db(app):
    """The Flask-SQLAlchemy extension; its session works inside the test's transaction."""
    return _db


@pytest.fixture
def committed_db(app):
    """The extension, for a test whose commits must be visible to another connection, engine, app or
    thread: no enclosing transaction, every table emptied afterwards (same as `@pytest.mark.committed`)."""
    return _db


@pytest.fixture
def db_connection(_isolated_database):
    """The connection holding the test's transaction (None for `committed` tests)."""
    return _isolated_database


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


def is_savepoint(statement: str) -> bool:
    """Whether a SQL statement is the SAVEPOINT bookkeeping of the test's transaction (statement counts
    leave it out: outside tests a commit emits none)."""
    return statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))


@contextmanager
def counted_statements():
    """Collect the SQL statements the engine runs while the block is open, less `is_savepoint` ones:
    `with counted_statements() as seen: ...` then `len(seen)` (the statements' text, in order)."""
    seen: list[str] = []

    def on_execute(conn, cursor, statement, *args):  # noqa: ARG001
        if not is_savepoint(statement):
            seen.append(statement)

    sa.event.listen(_db.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        sa.event.remove(_db.engine, "before_cursor_execute", on_execute)


@pytest.fixture
def statements(app):
    """The statement counter for pages' query budgets: `with statements() as seen: client.get(url)`, then
    `assert len(seen) <= 10, "\\n".join(seen)`."""
    return counted_statements
