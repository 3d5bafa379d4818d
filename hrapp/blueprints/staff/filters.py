"""Staff list filters read from the query string, shared by the list page and the exports."""
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.staff.forms import StaffFilterForm
from hrapp.blueprints.staff.services import StaffFilters
from hrapp.core.people_match import MAX_QUERY
from hrapp.models import EmploymentStatus
from hrapp.permissions import visible_departments


def list_filters(args) -> tuple[StaffFilterForm, StaffFilters]:
    """Parse list filters from the query string; bad values are ignored, never trusted."""
    form = StaffFilterForm(args)
    form.department.choices = [(None, _("All departments"))] + [(d.id, d.name) for d in visible_departments(current_user)]
    form.validate()
    status = form.status.data if form.status.data in EmploymentStatus._value2member_map_ else None
    department = form.department.data if not form.department.errors else None
    filters = StaffFilters(q=(form.q.data or "")[:MAX_QUERY], department_id=department,
                           status=EmploymentStatus(status) if status else None,
                           sort=args.get("sort", "staff_number")[:20])
    return form, filters
