"""Evidence files of a violation, on the shared attachments (hrapp.core.attachments): JPEG, PNG and PDF, by
content, within the size limit. They are added while recording and on the record page while the violation is a
draft or awaiting the person's response; seen by whoever sees the violation."""
from flask import current_app, url_for

from hrapp.blueprints.conduct.access import can_record_for, can_view_violation
from hrapp.blueprints.conduct.violations.forms import MAX_FILES
from hrapp.core.attachments import FORM_ALLOWANCE, AttachmentOwner, attach_file, owner_for
from hrapp.models import Violation, ViolationState

OPEN_FOR_EVIDENCE = frozenset({ViolationState.DRAFT, ViolationState.SUBMITTED})


def may_attach(user, violation: Violation) -> bool:
    """Its recorders (the person's heads, HR) while it is a draft or awaiting the person's response."""
    return violation.state in OPEN_FOR_EVIDENCE and can_record_for(user, violation.staff)


def may_delete(user, violation: Violation) -> bool:
    """Its recorders, while it is a draft."""
    return violation.state == ViolationState.DRAFT and can_record_for(user, violation.staff)


EVIDENCE = AttachmentOwner(
    name="violation", model=Violation, may_view=can_view_violation, may_attach=may_attach, may_delete=may_delete,
    record_url=lambda violation: url_for("conduct_violations.show_violation", violation_id=violation.id))


def evidence_request_limit() -> int:
    """The largest recording form: MAX_FILES attachments of the largest size plus the form around them."""
    return MAX_FILES * int(current_app.config["ATTACHMENT_MAX_BYTES"]) + FORM_ALLOWANCE


def attach_evidence(violation: Violation, files, actor) -> int:
    """Attach the uploaded files (werkzeug FileStorage; empty inputs skipped) to a new violation; returns how
    many. :raise AttachmentRefused: a file is empty, too large or not an image or PDF (the caller rolls back)."""
    owner = owner_for(EVIDENCE.name)
    attached = 0
    for upload in [f for f in files if f and f.filename][:MAX_FILES]:
        attach_file(owner, violation, upload.stream, upload.filename, actor)
        attached += 1
    return attached
