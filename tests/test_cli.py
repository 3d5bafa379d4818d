"""The CLI commands, through Click's runner."""
import sqlalchemy as sa

from hrapp.blueprints.auth.tokens import user_for_token
from hrapp.extensions import db
from hrapp.models import ApiToken, Role, User


def test_create_user_reads_password_from_stdin(runner, org, make_staff):
    new = make_staff(org.front)
    linked = runner.invoke(args=["create-user", "dup", "--role", "staff", "--staff-number",
                                 org.desk_staff.staff_number], input="Front-Office-Head-3\n")
    assert linked.exit_code != 0 and "already has an account" in linked.output
    result = runner.invoke(args=["create-user", "fohead2", "--role", "head", "--department", "FO",
                                 "--staff-number", new.staff_number], input="Front-Office-Head-3\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.username == "fohead2"))
    assert user.role == Role.HEAD and user.staff_id == new.id
    assert [d.code for d in user.headed_departments] == ["FO"]


def test_create_user_rejects_bad_input(runner, org):
    assert runner.invoke(args=["create-user", "x1", "--role", "staff"], input="password\n").exit_code != 0
    assert runner.invoke(args=["create-user", "hr", "--role", "staff"], input="Another-Good-Pass-1\n").exit_code != 0
    assert runner.invoke(args=["create-user", "x2", "--role", "head", "--department", "NOPE"],
                         input="Another-Good-Pass-1\n").exit_code != 0
    assert runner.invoke(args=["create-user", "x3", "--role", "boss"], input="Another-Good-Pass-1\n").exit_code != 0
    assert db.session.scalar(sa.select(User).where(User.username.in_(["x1", "x2", "x3"]))) is None


def test_api_token_create_prints_token_last_and_stores_only_its_hash(runner, org):
    result = runner.invoke(args=["api-token", "create", "hr"])
    assert result.exit_code == 0
    token = result.output.strip().splitlines()[-1]
    row = db.session.scalar(sa.select(ApiToken))
    assert token not in row.token_hash and user_for_token(token).username == "hr"
    assert runner.invoke(args=["api-token", "revoke", str(row.id)]).exit_code == 0
    assert user_for_token(token) is None
    assert runner.invoke(args=["api-token", "create", "ghost"]).exit_code != 0
