"""`flask --app wsgi training certificates [--expired] [--department CODE]`: the certificates to renew (expired or
expiring within 30 days, not superseded), one line each, for a script or a mail to the heads."""
import click
import sqlalchemy as sa

from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.blueprints.training.cli import training_group
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Certificate, Department, StaffMember

from .certificates import CERTIFICATES, overdue_query


@training_group.command("certificates")
@click.option("--expired", is_flag=True, help="Only certificates that have expired already.")
@click.option("--department", "department_code", default=None, help="Only this department and its sub-departments.")
def certificates_command(expired: bool, department_code: str | None) -> None:
    """List the certificates to renew: number, staff number, name, course, expiry, days left."""
    today = company_today()
    query = CERTIFICATES.order(overdue_query(None, today), "expires")
    if expired:
        query = query.where(Certificate.expires_on < today)
    if department_code:
        department = db.session.scalar(sa.select(Department).where(Department.code == department_code.upper()))
        if department is None:
            raise click.BadParameter(f"no department {department_code}", param_hint="--department")
        query = query.where(StaffMember.department_id.in_(department_subtree_ids(department.id)))
    rows = db.session.scalars(query).unique().all()
    for c in rows:
        click.echo(f"{c.number}\t{c.staff.staff_number}\t{c.staff.name_zh}\t{c.course.code}\t"
                   f"{c.expires_on.isoformat()}\t{(c.expires_on - today).days}")
    click.echo(f"{len(rows)} certificates to renew.")
