"""staff blueprint."""
from flask import url_for

from hrapp.core.attachments import AttachmentOwner
from hrapp.core.module import Module
from hrapp.models import StaffMember
from hrapp.permissions import can_edit_staff, can_view_sensitive, can_view_staff

from .routes import bp


def _may_manage_files(user, staff: StaffMember) -> bool:
    """Scans on a staff file (a signed contract, a certificate) are added and removed by HR and administrators."""
    return can_edit_staff(user, staff) and can_view_staff(user, staff)


# Files on a staff record are seen by whoever sees its sensitive data: HR, administrators, the person.
STAFF_FILES = AttachmentOwner(
    name="staff", model=StaffMember, may_view=can_view_sensitive, may_attach=_may_manage_files,
    may_delete=_may_manage_files, record_url=lambda staff: url_for("staff.show_staff", staff_id=staff.id))

MODULE = Module(name="staff", blueprints=(bp,), attachment_owners=(STAFF_FILES,))
