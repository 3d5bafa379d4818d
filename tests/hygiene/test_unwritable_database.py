"""A SQLite file database that was briefly unwritable: the failed write gets a clear page, and writes work again
as soon as the file does, without a restart (the connections opened meanwhile are not kept)."""
import sqlite3

import pytest
import sqlalchemy as sa

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import hash_password
from hrapp.extensions import db
from hrapp.models import Role, User
from tests.conftest import PASSWORD


class Disk:
    """The database file's state: while `writable` is False, every connection SQLite opens is read-only for
    its whole life, as one opened while the file was chmod 444 is (the tests run as root, whom chmod does not
    stop, so the read-only open is asked for explicitly)."""

    def __init__(self, path):
        self.path, self.writable = path, True

    def connect(self):
        mode = "rwc" if self.writable else "ro"
        return sqlite3.connect(f"file:{self.path}?mode={mode}", uri=True, check_same_thread=False)


@pytest.fixture
def file_app(tmp_path):
    disk = Disk(tmp_path / "hr.sqlite")
    config = type("FileConfig", (TestingConfig,), {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{disk.path}",
        "SQLALCHEMY_ENGINE_OPTIONS": {"creator": disk.connect}})
    app = create_app(config)
    with app.app_context():
        db.create_all()
        db.session.add(User(username="clerk", password_hash=hash_password(PASSWORD), role=Role.HR))
        db.session.commit()
        yield app, disk
        db.session.remove()
        db.engine.dispose()


def _locale(app) -> str:
    with app.app_context():
        return db.session.scalar(sa.select(User.locale).where(User.username == "clerk"))


@pytest.mark.committed
def test_writes_work_again_once_the_file_is_writable(file_app):
    app, disk = file_app
    client = app.test_client()
    assert client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD}).status_code == 302
    with app.app_context():
        db.engine.dispose()  # every connection from now on is opened while the file is read-only
    disk.writable = False
    refused = client.post("/auth/locale/en")
    assert refused.status_code == 503
    page = refused.get_data(as_text=True)  # in English: the session switched before the write failed
    assert "The database cannot be written at the moment" in page and "Traceback" not in page
    still = client.post("/auth/locale/zh")  # still read-only: still the clear page
    assert still.status_code == 503 and "The database cannot be written" in still.get_data(as_text=True)
    disk.writable = True  # the administrator fixes the permissions; nobody restarts the server
    # A connection the error page itself opened during the outage may meet one more write; it is discarded then.
    assert [client.post("/auth/locale/en").status_code for _ in range(2)][-1] == 302
    assert _locale(app) == "en"
    for code in ("zh", "en", "zh"):  # and from then on every write works
        assert client.post(f"/auth/locale/{code}").status_code == 302
    assert _locale(app) == "zh"
