"""`flask --app wsgi appraisals open-cycle NAME --actor USERNAME` (create the cycle over the period NAME names when
it does not exist, with deadlines two, four and six weeks ahead, and open it) and `appraisals advance NAME --actor
USERNAME [--anyway]` (move it to its next stage, as HR would with the page's button)."""
from datetime import timedelta

import click
import sqlalchemy as sa

from hrapp.company import company_today
from hrapp.core.validation import ValidationFailed
from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, User

from ..cli import appraisals_group
from .opening import open_cycle
from .services import CycleDraft, create_cycle
from .stages import advance


def _actor(username: str) -> User:
    user = db.session.scalar(sa.select(User).where(User.username == username, User.is_enabled.is_(True)))
    if user is None:
        raise click.BadParameter(f"no enabled user {username}", param_hint="--actor")
    return user


def _fail(exc: Exception) -> None:
    db.session.rollback()
    message = exc.message if isinstance(exc, ValidationFailed) else "not allowed"
    raise click.ClickException(str(message))


def _cycle(name: str) -> AppraisalCycle | None:
    return db.session.scalar(sa.select(AppraisalCycle).where(AppraisalCycle.name == name.strip()))


@appraisals_group.command("open-cycle")
@click.argument("name")
@click.option("--actor", required=True, help="The HR user who opens it.")
def open_cycle_command(name: str, actor: str) -> None:
    """Create (when missing) and open the cycle NAME (2026-Q3, 2026-07 or 2026)."""
    user = _actor(actor)
    try:
        cycle = _cycle(name)
        if cycle is None:
            today = company_today()
            cycle = create_cycle(user, CycleDraft(name, today + timedelta(days=14), today + timedelta(days=28),
                                                  today + timedelta(days=42)))
        opening = open_cycle(user, cycle, None)
        db.session.commit()
    except (ValidationFailed, TransitionForbidden) as exc:
        _fail(exc)
    click.echo(f"{cycle.name}: {cycle.stage.value}; {opening.made} appraisals, {opening.teams} team appraisals, "
               f"{len(opening.without)} people without a template.")


@appraisals_group.command("advance")
@click.argument("name")
@click.option("--actor", required=True, help="The HR user who moves it.")
@click.option("--anyway", is_flag=True, help="Publish the scored ones even while some wait for scoring.")
def advance_command(name: str, actor: str, anyway: bool) -> None:
    """Move the cycle NAME to its next stage."""
    user = _actor(actor)
    cycle = _cycle(name)
    if cycle is None:
        raise click.BadParameter(f"no cycle {name}", param_hint="NAME")
    before = cycle.stage.value
    try:
        advance(user, cycle, anyway)
        db.session.commit()
    except (ValidationFailed, TransitionForbidden) as exc:
        _fail(exc)
    click.echo(f"{cycle.name}: {before} -> {cycle.stage.value}")
