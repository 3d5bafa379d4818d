"""Staff export service: the list's rows, in the user's scope, in the import's columns."""
from sqlalchemy.orm import selectinload

from hrapp.blueprints.staff.access import can_view_sensitive
from hrapp.blueprints.staff.services import StaffFilters, staff_query
from hrapp.blueprints.staff_import_export.columns import COLUMNS, STAFF_FIELD_OF, ZH_GENDER, ZH_STATUS
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import StaffMember
from hrapp.permissions import sees_everything


def _export_value(staff: StaffMember, key: str, zh: bool) -> object:
    # English values are the labels of the English UI ("Female", "Active"); the import reads both.
    if key == "gender":
        return ZH_GENDER[staff.gender] if zh else label(staff.gender)
    if key == "status":
        return ZH_STATUS[staff.status] if zh else label(staff.status)
    if key == "department_code":
        return staff.department.code
    if key == "position_code":
        return staff.position.code if staff.position else ""
    if key == "superior_staff_number":
        return staff.superior.staff_number if staff.superior else ""
    return getattr(staff, STAFF_FIELD_OF.get(key, key))


def export_table(user, filters: StaffFilters, zh: bool = True) -> tuple[list[str], list[list]]:
    """Header row and rows of the staff `user` may see that match `filters` (the list's scope).

    The columns are the import's, so an export can be re-imported. ID number and pay columns are
    included only for users who see every record's sensitive data (HR and administrators).
    """
    sensitive = sees_everything(user)
    columns = [c for c in COLUMNS if sensitive or not c.sensitive]
    headers = [c.header(zh) for c in columns]
    query = staff_query(user, filters).options(selectinload(StaffMember.superior))
    rows = []
    for staff in db.session.scalars(query).unique():
        shown = can_view_sensitive(user, staff)
        rows.append([_export_value(staff, c.key, zh) if shown or not c.sensitive else None for c in columns])
    return headers, rows
