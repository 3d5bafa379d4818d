"""Choice lists for the staff form, limited to what the user may see."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.blueprints.org.services import visible_departments
from hrapp.extensions import db
from hrapp.models import Position, StaffMember
from hrapp.permissions import staff_scope_clause


def fill_staff_choices(form, user, exclude_id: int | None = None) -> None:
    """Set department, position and superior choices on a StaffForm."""
    form.department_id.choices = [(d.id, f"{d.code} {d.name}") for d in visible_departments(user)]
    positions = db.session.execute(sa.select(Position.id, Position.code, Position.name).order_by(Position.code)).all()
    form.position_id.choices = [(None, _("(none)"))] + [(p.id, f"{p.code} {p.name}") for p in positions]
    superiors = db.session.execute(
        sa.select(StaffMember.id, StaffMember.staff_number, StaffMember.name_zh)
        .where(staff_scope_clause(user), StaffMember.status != "left", StaffMember.id != (exclude_id or 0))
        .order_by(StaffMember.staff_number)).all()
    form.superior_id.choices = [(None, _("(none)"))] + [(s.id, f"{s.staff_number} {s.name_zh}") for s in superiors]
