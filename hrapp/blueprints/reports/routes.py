"""Signed reports: issue, list, download and sign documents; bulk jobs; the /verify page."""
from io import BytesIO

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.reports import bundles, checking, jobs, registry, services
from hrapp.blueprints.reports.access import ReportPerm, can_follow_job, can_view_document, may_issue, reissue_url
from hrapp.blueprints.reports.awaiting import next_signers, waiting_message
from hrapp.blueprints.reports.forms import BulkForm, ConfirmForm, IssueForm, VerifyForm
from hrapp.blueprints.reports.freshness import change_rows, changes_since, freshness, outdated_ids
from hrapp.blueprints.reports.jobs import BULK_ISSUE_JOB
from hrapp.blueprints.reports.pki import PkiError, root_pem
from hrapp.blueprints.reports.registry import visible_documents
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.blueprints.reports.types import bulk_report_types, report_type, report_type_named
from hrapp.core import jobs as background
from hrapp.core.listing import Listing
from hrapp.extensions import db, limiter
from hrapp.models import Department, IssuedDocument, Job
from hrapp.permissions import can_view_department, get_or_404, permission_required, visible_departments

bp = Blueprint("reports", __name__)


@bp.route("/reports/")
@permission_required(ReportPerm.REPORT_VIEW)
def list_documents():
    """Documents the user may see, newest first (or sorted by a column), and those awaiting their signature."""
    listing = Listing(sorts={"number": IssuedDocument.number, "title": IssuedDocument.title,
                             "subject": IssuedDocument.subject_label, "version": IssuedDocument.version,
                             "issued": IssuedDocument.created_at, "status": IssuedDocument.status},
                      default_sort="-issued", tiebreak=(IssuedDocument.id.desc(),), per_page=25, max_per_page=100)
    page = listing.page(visible_documents(current_user), request.args)
    awaiting = [d for d in registry.awaiting_candidates(current_user) if services.can_sign(current_user, d)]
    return render_template("reports/document_list.html", page=page, awaiting=awaiting,
                           outdated=outdated_ids([*page.items, *awaiting]), title=_("Signed documents"))


@bp.route("/reports/documents/<int:doc_id>")
@permission_required(ReportPerm.REPORT_VIEW)
def show_document(doc_id: int):
    """One document: status, signatures, versions, and a sign button for the next signer."""
    doc = get_or_404(IssuedDocument, doc_id, check=can_view_document)
    fresh = freshness(doc)
    return render_template("reports/document_detail.html", doc=doc, versions=registry.series(doc),
                           reissue_url=reissue_url(doc), outdated=fresh.outdated,
                           changes=change_rows(doc, changes_since(doc, fresh)),
                           can_sign=services.can_sign(current_user, doc), form=ConfirmForm(),
                           title=f"{doc.title} · {doc.number}")


@bp.route("/reports/documents/<int:doc_id>/pdf")
@permission_required(ReportPerm.REPORT_VIEW)
def download_document(doc_id: int):
    """The document's current bytes (signed copy)."""
    doc = get_or_404(IssuedDocument, doc_id, check=can_view_document)
    return send_file(BytesIO(doc.pdf), mimetype="application/pdf", download_name=f"{doc.number}.pdf",
                     max_age=0)


@bp.route("/reports/documents/<int:doc_id>/sign", methods=["POST"])
@permission_required(ReportPerm.REPORT_VIEW)
def sign_document(doc_id: int):
    """Add the current user's signature in the document's next slot."""
    doc = get_or_404(IssuedDocument, doc_id, check=can_view_document)
    if ConfirmForm().validate_on_submit():
        try:
            signed = services.sign_document(doc, current_user)
        except (services.ReportError, PkiError) as exc:
            db.session.rollback()
            flash(str(exc), "danger")
        else:
            waiting = waiting_message(signed, next_signers(signed))
            db.session.commit()
            if signed.id != doc_id:
                flash(_("The record changed after this document was prepared: it was rebuilt from the record "
                        "as it is now (%(number)s) and that version was signed.", number=signed.number), "warning")
            flash(" ".join(filter(None, [_("Signed."), waiting])), "success")
            return redirect(url_for("reports.show_document", doc_id=signed.id))
    return redirect(url_for("reports.show_document", doc_id=doc_id))


@bp.route("/reports/issue/<name>/<int:record_id>", methods=["GET", "POST"])
@login_required
def issue_document(name: str, record_id: int):
    """GET: what will be issued and the versions so far; POST: issue (and sign) a new version.

    Any registered report type: `name` is its URL name, `record_id` the record it prints."""
    report_type = report_type_named(name) or abort(404)
    record = get_or_404(report_type.model, record_id, check=lambda user, r: may_issue(user, report_type, r))
    form = IssueForm()
    refusal = report_type.refusal(record) if report_type.refusal is not None else None
    if form.validate_on_submit():
        try:
            doc = services.issue_document(report_type, record, current_user)
        except (services.ReportError, PkiError) as exc:
            db.session.rollback()
            flash(str(exc), "danger")
        else:
            waiting = waiting_message(doc, next_signers(doc))
            db.session.commit()
            flash(" ".join(filter(None, [_("Document %(number)s issued.", number=doc.number), waiting])), "success")
            return redirect(url_for("reports.show_document", doc_id=doc.id))
    elif refusal:
        flash(refusal, "warning")
    subject = report_type.subject(record)
    back = report_type.back_endpoint(record) if report_type.back_endpoint is not None else None
    return render_template("reports/issue_confirm.html", form=form, report_type=report_type,
                           subject_label=subject.label, versions=registry.versions_of(report_type.kind, subject.key),
                           refused=bool(refusal), back_url=url_for(back[0], **back[1]) if back else None,
                           title=_("Issue a signed document"))


@bp.route("/reports/bulk", methods=["GET", "POST"])
@permission_required(ReportPerm.REPORT_ISSUE)
def bulk_issue():
    """Issue one kind of document for a whole department in the background (any type with a bulk source)."""
    types = bulk_report_types()
    form = BulkForm()
    form.kind.choices = [(t.kind, t.title) for t in types]
    form.department_id.choices = [(d.id, f"{d.code} {d.name}") for d in visible_departments(current_user)]
    if form.validate_on_submit():
        department = get_or_404(Department, form.department_id.data, check=can_view_department)
        try:
            job = jobs.create_bulk_job(current_user, report_type(form.kind.data), department,
                                       form.include_subdepartments.data)
        except services.ReportError as exc:
            flash(str(exc), "danger")
        else:
            db.session.commit()
            background.start(job)
            return redirect(url_for("reports.show_job", job_id=job.id))
    return render_template("reports/bulk_form.html", form=form, types=types, title=_("Issue documents in bulk"))


def _job_or_404(job_id: int) -> Job:
    job = get_or_404(Job, job_id, check=can_follow_job)
    if job.name != BULK_ISSUE_JOB:  # this page shows bulk-issuing jobs only
        abort(404)
    return job


@bp.route("/reports/jobs/<int:job_id>")
@permission_required(ReportPerm.REPORT_ISSUE)
def show_job(job_id: int):
    """A bulk job's progress bar (the page polls job_status)."""
    job = _job_or_404(job_id)
    return render_template("reports/job_detail.html", job=job, progress=background.progress(job),
                           bundle_count=len(bundles.job_documents(job, current_user)), title=_("Bulk issuing"))


def _download_headers(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}  # no-store: core.caching, as everywhere


@bp.route("/reports/jobs/<int:job_id>/documents.zip")
@permission_required(ReportPerm.REPORT_ISSUE)
def download_job_zip(job_id: int):
    """The job's documents the user may see, signed PDFs as they are, in one streamed ZIP (404 if none)."""
    documents = bundles.job_documents(_job_or_404(job_id), current_user) or abort(404)
    return Response(stream_with_context(bundles.zip_stream(documents)), mimetype="application/zip",
                    headers=_download_headers(f"bulk-{job_id}-documents.zip"))


@bp.route("/reports/jobs/<int:job_id>/print-copy.pdf")
@permission_required(ReportPerm.REPORT_ISSUE)
def download_job_print_copy(job_id: int):
    """The same documents merged into one unsigned PDF for printing (404 if none)."""
    job = _job_or_404(job_id)
    documents = bundles.job_documents(job, current_user) or abort(404)
    return Response(bundles.print_copy(job, documents), mimetype="application/pdf",
                    headers=_download_headers(f"bulk-{job_id}-print-copy-unsigned.pdf"))


@bp.route("/reports/jobs/<int:job_id>/status")
@permission_required(ReportPerm.REPORT_ISSUE)
def job_status(job_id: int):
    """JSON counters of a bulk job."""
    return jsonify(background.progress(_job_or_404(job_id)))


@bp.route("/verify", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["VERIFY_RATE_LIMIT"])
def verify():
    """Upload a PDF or type its verification code: genuine or not, signers, changes, newer versions.

    Public, so that whoever was handed a document can check it: without access to the document's
    subject it shows only the verdict, the number and title, and the signers (names, roles, times)."""
    form = VerifyForm()
    verdict, document = None, None
    if form.validate_on_submit():
        if form.file.data:
            try:
                verdict = checking.verify_upload(form.file.data.read())
            except PkiError as exc:
                flash(str(exc), "danger")
        elif form.code.data:
            document = registry.find_by_code(form.code.data)
            if document is None:
                flash(_("No document has this verification code."), "warning")
        else:
            flash(_("Choose a PDF file or type a verification code."), "warning")
    elif request.method == "GET" and request.args.get("code"):
        document = registry.find_by_code(request.args["code"])
    shown = verdict.document if verdict is not None else document
    return render_template("reports/verify.html", form=form, verdict=verdict, document=shown,
                           can_view=shown is not None and can_view_document(current_user, shown),
                           title=_("Verify a document"))


@bp.route("/reports/root.pem")
def root_certificate():
    """The organisation root certificate (public), to trust in pdfsig, Adobe or a browser."""
    try:
        pem = root_pem(pki_settings())
    except PkiError:
        abort(404)
    return send_file(BytesIO(pem), mimetype="application/x-pem-file", download_name="hrapp-root-ca.pem",
                     as_attachment=True)
