"""The test database machinery itself (tests/conftest.py): each test's commits are undone at its end."""
import pytest
import sqlalchemy as sa

from hrapp.models import Department, Role
from tests.conftest import PASSWORD, count, rolled_back


def test_session_stays_in_the_test_transaction(db, db_connection, client, make_user):
    """Commits and requests (which remove the session) leave the session on the test's connection,
    inside its still-open transaction."""
    make_user(Role.HR, "iso-hr")  # commits
    assert db.session.connection() is db_connection and db_connection.in_transaction()
    response = client.post("/auth/login", data={"identifier": "iso-hr", "password": PASSWORD})
    assert response.status_code == 302
    assert db.session.connection() is db_connection and db_connection.in_transaction()
    db.session.add(Department(code="ISO", name="隔离部", name_en="Isolation", planned_headcount=1))
    db.session.rollback()  # back to the last commit, not to the start of the test
    assert count(Department) == 0 and db.session.scalar(sa.text("SELECT count(*) FROM users")) == 1


@pytest.mark.committed
def test_everything_committed_inside_is_gone_afterwards(db, db_connection, make_department):
    assert db_connection is None  # a committed test has no enclosing transaction
    with rolled_back(db.engine) as connection:
        make_department(code="ISO")  # commits
        assert count(Department) == 1 and connection.in_transaction()
    assert count(Department) == 0


@pytest.mark.committed
def test_a_committed_test_really_commits(db, make_department):
    make_department(code="ISO")
    db.session.remove()
    with db.engine.connect() as other:  # another connection (on in-memory SQLite, the same one)
        assert other.scalar(sa.select(sa.func.count()).select_from(Department)) == 1


def test_the_committed_db_fixture_opts_out_too(committed_db, db_connection):
    assert db_connection is None and committed_db.session.get_bind() is committed_db.engine
