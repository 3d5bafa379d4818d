"""Command-line interface: `flask --app wsgi create-user|api-token|...`. Commands only call services."""
import sys

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import with_appcontext

from hrapp.blueprints.auth.rules import RuleViolation
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.auth.tokens import issue_api_token, revoke_api_token
from hrapp.blueprints.reports.cli import COMMANDS as REPORT_COMMANDS
from hrapp.core.module import modules
from hrapp.demo.command import seed_demo_command
from hrapp.extensions import db
from hrapp.models import ApiToken, Department, Role, StaffMember, User


@click.command("create-user")
@with_appcontext
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--department", "departments", multiple=True, help="Department code (heads; repeatable).")
@click.option("--staff-number", help="Link the account to this staff record.")
def create_user_command(username: str, role: str, departments: tuple[str, ...], staff_number: str | None) -> None:
    """Create an account; the password is read from standard input."""
    password = (click.prompt("Password", hide_input=True) if sys.stdin.isatty() else sys.stdin.readline()).strip()
    depts = db.session.scalars(sa.select(Department).where(Department.code.in_(departments))).all()
    if len(depts) != len(set(departments)):
        raise click.ClickException(f"Unknown department code in {', '.join(departments)}")
    staff = None
    if staff_number:
        staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == staff_number))
        if staff is None:
            raise click.ClickException(f"Unknown staff number {staff_number}")
    try:
        user = create_user(username, password, Role(role), None, staff=staff, departments=depts,
                           must_change_password=False)
    except RuleViolation as exc:
        raise click.ClickException(str(exc.message)) from exc
    db.session.commit()
    click.echo(f"Created {user.username} ({user.role.value})")


@click.group("api-token")
def api_token_group() -> None:
    """Manage API bearer tokens."""


@api_token_group.command("create")
@with_appcontext
@click.argument("username")
@click.option("--name", default="cli", help="A label for the token.")
def api_token_create(username: str, name: str) -> None:
    """Create a token for USERNAME; the token is printed as the last line, once."""
    user = db.session.scalar(sa.select(User).where(User.username == username))
    if user is None:
        raise click.ClickException(f"Unknown user {username}")
    row, clear = issue_api_token(user, name)
    db.session.commit()
    click.echo(f"Token #{row.id} for {username} (store it now; it is not shown again):")
    click.echo(clear)


@api_token_group.command("revoke")
@with_appcontext
@click.argument("token_id", type=int)
def api_token_revoke(token_id: int) -> None:
    """Revoke token TOKEN_ID."""
    row = db.session.get(ApiToken, token_id)
    if row is None:
        raise click.ClickException(f"Unknown token {token_id}")
    revoke_api_token(row)
    db.session.commit()
    click.echo(f"Revoked token #{token_id}")


COMMANDS = [create_user_command, api_token_group, seed_demo_command, *REPORT_COMMANDS]


def register_cli(app: Flask) -> None:
    """Attach every command to `flask --app wsgi`."""
    for command in COMMANDS:
        app.cli.add_command(command)
    for module in modules(app):
        for command in module.cli:
            app.cli.add_command(command)
