"""What a record's page shows of its attachments: the list, and the upload form for those who may attach.

An owner module's view builds the panel with `attachment_panel(owner_name, record, user)` and its template
renders it with `{% include "attachments/_panel.html" %}`.
"""
from dataclasses import dataclass

from flask import abort

from hrapp.blueprints.attachments.forms import AttachmentForm
from hrapp.core.attachments import attachments_of, owner_for
from hrapp.models import Attachment


@dataclass(frozen=True)
class AttachmentPanel:
    """The record's files (only built for a user who may see them) and what the user may do with them."""

    owner_type: str
    owner_id: int
    items: tuple[Attachment, ...]
    may_attach: bool
    may_delete: bool
    form: AttachmentForm | None


def attachment_panel(owner_name: str, record, user) -> AttachmentPanel | None:
    """The panel for `record`, or None when `user` may not see its attachments.

    :raise 404: no owner is registered under `owner_name` (a programming error, shown as not found).
    """
    owner = owner_for(owner_name)
    if owner is None:
        abort(404)
    if not owner.may_view(user, record):
        return None
    may_attach = owner.may_attach(user, record)
    return AttachmentPanel(owner.name, record.id, tuple(attachments_of(owner, record)), may_attach,
                           owner.may_delete(user, record), AttachmentForm(formdata=None) if may_attach else None)
