"""Choice lists for the staff form, limited to what the user may see."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.extensions import db
from hrapp.models import Position
from hrapp.naming import coded_name
from hrapp.permissions import visible_departments


def fill_staff_choices(form, user) -> None:
    """Set department and position choices on a StaffForm."""
    form.department_id.choices = [(d.id, coded_name(d)) for d in visible_departments(user)]
    positions = db.session.execute(sa.select(Position.id, Position.code, Position.name, Position.name_en).order_by(Position.code)).all()
    form.position_id.choices = [(None, _("(none)"))] + [(p.id, coded_name(p)) for p in positions]
