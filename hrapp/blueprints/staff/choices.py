"""Choice lists for the staff form, limited to what the user may see."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.extensions import db
from hrapp.models import Position
from hrapp.permissions import visible_departments


def fill_staff_choices(form, user) -> None:
    """Set department and position choices on a StaffForm."""
    form.department_id.choices = [(d.id, f"{d.code} {d.name}") for d in visible_departments(user)]
    positions = db.session.execute(sa.select(Position.id, Position.code, Position.name).order_by(Position.code)).all()
    form.position_id.choices = [(None, _("(none)"))] + [(p.id, f"{p.code} {p.name}") for p in positions]
