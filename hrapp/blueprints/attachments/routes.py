"""Generic attachment routes: every check goes through the rules of the record the file belongs to."""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.attachments.forms import AttachmentDeleteForm, AttachmentForm
from hrapp.core.attachment_rules import download_name
from hrapp.core.attachments import (
    AttachmentRefused,
    StaleAttachmentError,
    attach_file,
    delete_attachment,
    open_file,
    owner_for,
    record_download,
    upload_request_limit,
)
from hrapp.core.errors import STALE_MESSAGE
from hrapp.extensions import csrf, db
from hrapp.models import Attachment
from hrapp.permissions import get_or_404

bp = Blueprint("attachments", __name__, url_prefix="/attachments")


def _load_record(owner_type: str, owner_id: int, rule: str):
    """The owner and its record: 404 for an unknown owner type or record, or unless the owner's `rule` admits
    the user (a record out of the user's reach answers like a missing one)."""
    owner = owner_for(owner_type)
    if owner is None:
        abort(404)
    return owner, get_or_404(owner.model, owner_id, check=getattr(owner, rule))


def _load_attachment(attachment_id: int, rule: str):
    attachment = db.get_or_404(Attachment, attachment_id)
    owner, record = _load_record(attachment.owner_type, attachment.owner_id, rule)
    return attachment, owner, record


@bp.route("/<owner_type>/<int:owner_id>", methods=["POST"])
@csrf.exempt  # the app-wide check would read the body under the app-wide size limit: checked below instead
@login_required
def upload_attachment(owner_type: str, owner_id: int):
    """Attach a file to a record (the form sits on the record's page, so every answer goes back there)."""
    owner, record = _load_record(owner_type, owner_id, "may_attach")
    request.max_content_length = upload_request_limit()  # before anything reads the body; over it: 413
    if current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()
    form = AttachmentForm()
    if not form.validate_on_submit():
        for message in (m for errors in form.errors.values() for m in errors):
            flash(message, "danger")
        return redirect(owner.record_url(record))
    try:
        attach_file(owner, record, form.file.data.stream, form.file.data.filename, current_user, form.note.data)
    except AttachmentRefused as exc:
        flash(exc.message, "danger")
        return redirect(owner.record_url(record))
    db.session.commit()
    flash(_("File attached."), "success")
    return redirect(owner.record_url(record))


@bp.route("/<int:attachment_id>")
@login_required
def download_attachment(attachment_id: int):
    """The file, as a download, to whoever may see the record it belongs to; audited."""
    attachment, _owner, _record = _load_attachment(attachment_id, "may_view")
    try:
        path = open_file(attachment)
    except FileNotFoundError:
        current_app.logger.error("attachment %s: stored file %s is missing", attachment.id, attachment.sha256)
        abort(404)
    record_download(attachment, current_user)
    db.session.commit()
    response = send_file(path, mimetype=attachment.content_type, as_attachment=True, conditional=False, etag=False,
                         download_name=download_name(attachment.original_name, attachment.content_type,
                                                     f"attachment-{attachment.id}"))
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("/<int:attachment_id>/delete", methods=["GET", "POST"])
@login_required
def confirm_delete_attachment(attachment_id: int):
    """Ask, then delete (POST with the version the page showed)."""
    attachment, owner, record = _load_attachment(attachment_id, "may_delete")
    form = AttachmentDeleteForm(version_id=attachment.version_id)
    if form.validate_on_submit():
        try:
            delete_attachment(attachment, current_user, form.version_id.data)
        except StaleAttachmentError:
            flash(str(STALE_MESSAGE), "danger")
            return redirect(url_for("attachments.confirm_delete_attachment", attachment_id=attachment_id))
        db.session.commit()
        flash(_("Attachment deleted."), "success")
        return redirect(owner.record_url(record))
    return render_template("attachments/attachment_delete.html", form=form, attachment=attachment,
                           back_url=owner.record_url(record), title=_("Delete attachment"))
