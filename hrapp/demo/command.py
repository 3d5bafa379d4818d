"""`flask --app wsgi seed-demo`: fill an empty database with the demo company."""
import click
from flask.cli import with_appcontext

from hrapp.blueprints.auth.rules import RuleViolation
from hrapp.blueprints.reports.services import ensure_demo_pki
from hrapp.demo.seed import MIN_STAFF, DemoSeedError, seed_demo
from hrapp.extensions import db


@click.command("seed-demo")
@click.option("--staff", "staff_count", type=click.IntRange(min=MIN_STAFF), default=120, show_default=True,
              help="How many staff members to generate.")
@click.option("--seed", type=int, help="Random seed: the same seed (on the same day) gives the same company.")
@click.option("--password", help="One password for every demo account (default: a random one each).")
@with_appcontext
def seed_demo_command(staff_count: int, seed: int | None, password: str | None) -> None:
    """Build a demo hotel, travel agency and scenic-park visitor centre with staff and accounts.

    Refuses to run on a database that already holds departments, positions or staff.
    """
    try:
        report = seed_demo(staff_count, seed, password)
    except (DemoSeedError, RuleViolation) as exc:
        db.session.rollback()
        raise click.ClickException(str(getattr(exc, "message", exc))) from exc
    db.session.commit()
    if ensure_demo_pki():  # so that signed reports work out of the box
        click.echo("Demo signing certificates created (organisation root and signer).")
    counts = report.counts
    click.echo(f"Demo company created with seed {report.seed}: {counts['departments']} departments, "
               f"{counts['positions']} positions, {counts['job_descriptions']} job description versions, "
               f"{counts['staff']} staff.")
    for line in report.summary:
        click.echo(line)
    click.echo("Accounts (passwords are shown only now):")
    for username, role, account_password in report.accounts:
        click.echo(f"  {username:<8} {role:<6} {account_password}")
