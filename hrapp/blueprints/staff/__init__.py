"""Staff records: the list, a person's file and history, self-service contact details, the record card,
files attached to a staff record."""
from flask import url_for
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.staff import access
from hrapp.blueprints.staff.access import can_edit_staff, can_view_sensitive
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.core.attachments import AttachmentOwner
from hrapp.core.module import Module, NavEntry
from hrapp.models import StaffMember
from hrapp.permissions import Perm, can_view_staff, has_perm

from .audit_labels import AUDIT
from .routes import bp


def _may_manage_files(user, staff: StaffMember) -> bool:
    """Scans on a staff file (a signed contract, a certificate) are added and removed by HR and administrators."""
    return can_edit_staff(user, staff) and can_view_staff(user, staff)


# Files on a staff record are seen by whoever sees its sensitive data: HR, administrators, the person.
STAFF_FILES = AttachmentOwner(
    name="staff", model=StaffMember, may_view=can_view_sensitive, may_attach=_may_manage_files,
    may_delete=_may_manage_files, record_url=lambda staff: url_for("staff.show_staff", staff_id=staff.id))

MODULE = Module(
    name="staff",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=("hrapp.blueprints.api.staff:bp",),
    report_types=(STAFF_CARD,),
    attachment_owners=(STAFF_FILES,),
    template_globals=access.TEMPLATE_GLOBALS,
    benches=("bench.staff_list",),
    nav=(
        NavEntry("staff.list_staff", _l("Staff"), lambda user: has_perm(user, Perm.STAFF_VIEW), order=10),
        NavEntry("staff.my_profile", _l("My record"), lambda user: bool(getattr(user, "staff_id", None)), order=80),
    ),
)
