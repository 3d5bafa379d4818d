"""Attachments: files that belong to a record of any module, stored once by content, served only through
the access rules of the record they belong to.

A module declares the record types it accepts files for, as `AttachmentOwner`s in its
`Module.attachment_owners`; the generic routes (hrapp.blueprints.attachments) find the owner by the
row's `owner_type`, load the record and ask the owner's rules. This module names no feature.
The services here never commit (the view does) and take the actor as an argument.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import event
from sqlalchemy.orm import joinedload

from hrapp import audit
from hrapp.core.attachment_rules import clean_name, sniff_content_type, upload_problem
from hrapp.core.filestore import FileStore, is_inside
from hrapp.core.module import modules
from hrapp.extensions import db
from hrapp.models import Attachment

FORM_ALLOWANCE = 64 * 1024  # the upload form's other fields and its multipart framing
AUDIT_FIELDS = ("owner_type", "owner_id", "sha256", "content_type", "size_bytes", "original_name", "note")


@dataclass(frozen=True)
class AttachmentOwner:
    """A record type files may be attached to.

    `name` is stored on each attachment row (`owner_type`) and appears in URLs; `model` is the record's
    model (loaded by primary key). Each rule is `rule(user, record) -> bool`: `may_view` (see the list
    and download), `may_attach` (upload), `may_delete`. `record_url(record)` is the page the routes go
    back to. Files of an owner with `audit_downloads` leave an audit row on every download.
    """

    name: str
    model: type
    may_view: Callable[[object, object], bool]
    may_attach: Callable[[object, object], bool]
    may_delete: Callable[[object, object], bool]
    record_url: Callable[[object], str]
    audit_downloads: bool = True


class AttachmentRefused(ValueError):
    """The file is not accepted; `code` is the rule's ("empty", "too_large", "type"), `message` says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


class StaleAttachmentError(RuntimeError):
    """The attachment changed, or went, since the page that acts on it was loaded."""


def owners() -> dict[str, AttachmentOwner]:
    """Every registered owner by name. :raise RuntimeError: two modules declare the same name."""
    found: dict[str, AttachmentOwner] = {}
    for module in modules():
        for owner in module.attachment_owners:
            if owner.name in found:
                raise RuntimeError(f"attachment owner {owner.name!r} is declared twice")
            found[owner.name] = owner
    return found


def owner_for(name: str) -> AttachmentOwner | None:
    """The owner registered as `name`, or None."""
    return owners().get(name)


def file_store() -> FileStore:
    """The store in `ATTACHMENTS_DIR`. :raise RuntimeError: the folder lies inside the web root (static)."""
    root = current_app.config["ATTACHMENTS_DIR"]
    if current_app.static_folder and is_inside(root, current_app.static_folder):
        raise RuntimeError("ATTACHMENTS_DIR must not be inside the static folder")
    return FileStore(root)


def upload_request_limit() -> int:
    """The largest request body the upload route reads: the largest attachment plus the form around it.

    It replaces the app-wide MAX_CONTENT_LENGTH for that one route, so the other forms keep their limit.
    """
    return int(current_app.config["ATTACHMENT_MAX_BYTES"]) + FORM_ALLOWANCE


def attachments_of(owner: AttachmentOwner, record) -> list[Attachment]:
    """The record's attachments, oldest first, with their uploaders."""
    return list(db.session.scalars(
        sa.select(Attachment).where(Attachment.owner_type == owner.name, Attachment.owner_id == record.id)
        .options(joinedload(Attachment.uploaded_by)).order_by(Attachment.uploaded_at, Attachment.id)))


def _refusal(code: str, max_bytes: int) -> AttachmentRefused:
    messages = {
        "empty": _("The file is empty."),
        "too_large": _("The file is larger than %(mb)s MB, the most an attachment may be.",
                       mb=round(max_bytes / 1024 / 1024, 1)),
        "type": _("Only JPEG, PNG and PDF files can be attached; this file is none of them, whatever its name says."),
    }
    return AttachmentRefused(code, messages[code])


def attach_file(owner: AttachmentOwner, record, stream: BinaryIO, filename: str, actor, note: str = "") -> Attachment:
    """Attach the file read from `stream` to `record` and audit it; returns the new row (flushed).

    At most `ATTACHMENT_MAX_BYTES` + 1 bytes are read. The type comes from the content (JPEG, PNG or
    PDF); the same content already stored is not written again. `filename` is kept as text only.
    :raise AttachmentRefused: empty, too large, or not an allowed type.
    """
    max_bytes = int(current_app.config["ATTACHMENT_MAX_BYTES"])
    data = stream.read(max_bytes + 1)
    content_type = sniff_content_type(data)
    problem = upload_problem(len(data), content_type, max_bytes)
    if problem:
        raise _refusal(problem, max_bytes)
    sha256 = file_store().put(data)
    _discard_unused_after(sha256, "after_rollback")  # a new file whose row is never committed does not stay
    row = Attachment(owner_type=owner.name, owner_id=record.id, sha256=sha256, content_type=content_type,
                     size_bytes=len(data), original_name=clean_name(filename) or "-", note=(note or "").strip(),
                     uploaded_by=actor)
    db.session.add(row)
    audit.record(actor, "attachment.upload", row, None, audit.snapshot(row, AUDIT_FIELDS), label=_label(row))
    return row


def record_download(attachment: Attachment, actor) -> None:
    """Audit that `actor` downloaded the file, when its owner wants downloads audited."""
    owner = owner_for(attachment.owner_type)
    if owner is not None and owner.audit_downloads:
        audit.record(actor, "attachment.download", attachment, None,
                     {"owner_type": attachment.owner_type, "owner_id": attachment.owner_id}, label=_label(attachment))


def delete_attachment(attachment: Attachment, actor, expected_version: int) -> None:
    """Delete the row and audit it; once the transaction commits, the stored file goes too unless another
    row still uses the same content.

    :raise StaleAttachmentError: `expected_version` is not the row's current version.
    """
    if attachment.version_id != expected_version:
        raise StaleAttachmentError(attachment.id)
    audit.record(actor, "attachment.delete", attachment, audit.snapshot(attachment, AUDIT_FIELDS), None,
                 label=_label(attachment))
    db.session.delete(attachment)
    db.session.flush()
    # Removed only once the deletion is committed: removing it now could lose a file whose deletion
    # is then rolled back.
    _discard_unused_after(attachment.sha256, "after_commit")


def open_file(attachment: Attachment):
    """The stored file's path. :raise FileNotFoundError: the content is missing from the store."""
    path = file_store().path_for(attachment.sha256)
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


def _label(row: Attachment) -> str:
    return f"{row.owner_type}#{row.owner_id}"


def _discard_unused_after(sha256: str, session_event: str) -> None:
    """Once the current transaction ends with `session_event` ("after_commit" or "after_rollback"), remove the
    stored content if no committed row uses it (another row may share the same content)."""
    store = file_store()

    def discard(session):  # the session cannot run SQL in these hooks: ask on a connection of its own
        with db.engine.connect() as connection:
            used = connection.scalar(sa.select(sa.func.count()).where(Attachment.sha256 == sha256))
        if not used:
            store.discard(sha256)

    event.listen(db.session(), session_event, discard, once=True)
