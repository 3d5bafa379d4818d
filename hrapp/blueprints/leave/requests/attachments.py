"""The notes (a doctor's note) attached to a request, on the shared attachments (hrapp.core.attachments): seen by
whoever sees the request; added by the person or HR while it is open; deleted by HR."""
from flask import url_for

from hrapp.blueprints.leave.access import can_manage_leave, can_view_request
from hrapp.core.attachments import AttachmentOwner
from hrapp.models import OPEN_LEAVE, LeaveRequest
from hrapp.permissions import is_self

from .services import OWNER


def may_attach(user, leave: LeaveRequest) -> bool:
    """The person or HR, while the request is open (waiting or approved)."""
    return leave.status in OPEN_LEAVE and (can_manage_leave(user) or
                                           (getattr(user, "is_active", False) and is_self(user, leave.staff)))


def may_delete(user, leave: LeaveRequest) -> bool:
    return can_manage_leave(user)


NOTES = AttachmentOwner(
    name=OWNER, model=LeaveRequest, may_view=can_view_request, may_attach=may_attach, may_delete=may_delete,
    record_url=lambda leave: url_for("leave_requests.show_request", request_id=leave.id))
