"""Signed reports: issue, list, download and sign documents; bulk jobs; the /verify page."""
from io import BytesIO

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.org.services import visible_departments
from hrapp.blueprints.reports import checking, jobs, registry, services
from hrapp.blueprints.reports.forms import BulkForm, ConfirmForm, VerifyForm
from hrapp.blueprints.reports.kinds import JOB_DESCRIPTION, ROSTER, STAFF_CARD, ReportType
from hrapp.blueprints.reports.pki import PkiError, root_pem
from hrapp.blueprints.reports.registry import visible_documents
from hrapp.blueprints.reports.roster_sources import roster_refusal
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.core import jobs as background
from hrapp.extensions import db
from hrapp.models import (
    Department,
    IssuedDocument,
    Job,
    JobDescription,
    JobDescriptionStatus,
    Roster,
    StaffMember,
)
from hrapp.permissions import (
    Perm,
    can_edit_roster,
    can_view_department,
    can_view_document,
    can_view_staff,
    get_or_404,
    permission_required,
    sees_everything,
)

bp = Blueprint("reports", __name__)


@bp.route("/reports/")
@permission_required(Perm.REPORT_VIEW)
def list_documents():
    """Documents the user may see, newest first, and those awaiting their signature."""
    page = db.paginate(visible_documents(current_user), per_page=25, max_per_page=100)
    awaiting = [d for d in registry.awaiting_candidates(current_user) if services.can_sign(current_user, d)]
    return render_template("reports/document_list.html", page=page, awaiting=awaiting, title=_("Signed documents"))


@bp.route("/reports/documents/<int:doc_id>")
@permission_required(Perm.REPORT_VIEW)
def show_document(doc_id: int):
    """One document: status, signatures, versions, and a sign button for the next signer."""
    doc = get_or_404(IssuedDocument, doc_id, check=can_view_document)
    return render_template("reports/document_detail.html", doc=doc, versions=registry.series(doc),
                           can_sign=services.can_sign(current_user, doc), form=ConfirmForm(),
                           title=f"{doc.title} · {doc.number}")


@bp.route("/reports/documents/<int:doc_id>/pdf")
@permission_required(Perm.REPORT_VIEW)
def download_document(doc_id: int):
    """The document's current bytes (signed copy)."""
    doc = get_or_404(IssuedDocument, doc_id, check=can_view_document)
    return send_file(BytesIO(doc.pdf), mimetype="application/pdf", download_name=f"{doc.number}.pdf",
                     max_age=0)


@bp.route("/reports/documents/<int:doc_id>/sign", methods=["POST"])
@permission_required(Perm.REPORT_VIEW)
def sign_document(doc_id: int):
    """Add the current user's signature in the document's next slot."""
    doc = get_or_404(IssuedDocument, doc_id, check=can_view_document)
    if ConfirmForm().validate_on_submit():
        try:
            services.sign_document(doc, current_user)
        except (services.ReportError, PkiError) as exc:
            db.session.rollback()
            flash(str(exc), "danger")
        else:
            db.session.commit()
            flash(_("Signed."), "success")
    return redirect(url_for("reports.show_document", doc_id=doc_id))


def _issue(report_type: ReportType, record, subject_label: str):
    """GET: what will be issued and the versions so far; POST: issue (and sign) a new version."""
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            doc = services.issue_document(report_type, record, current_user)
        except (services.ReportError, PkiError) as exc:
            db.session.rollback()
            flash(str(exc), "danger")
        else:
            db.session.commit()
            flash(_("Document %(number)s issued.", number=doc.number), "success")
            return redirect(url_for("reports.show_document", doc_id=doc.id))
    versions = registry.versions_of(report_type.kind, report_type.subject(record).key)
    return render_template("reports/issue_confirm.html", form=form, report_type=report_type,
                           subject_label=subject_label, versions=versions,
                           title=_("Issue a signed document"))


@bp.route("/reports/staff/<int:staff_id>/card", methods=["GET", "POST"])
@permission_required(Perm.REPORT_ISSUE)
def issue_staff_card(staff_id: int):
    """Issue a staff record card, signed by the HR user issuing it."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_staff)
    return _issue(STAFF_CARD, staff, staff.display_name)


@bp.route("/reports/descriptions/<int:description_id>/pdf", methods=["GET", "POST"])
@permission_required(Perm.REPORT_ISSUE)
def issue_job_description(description_id: int):
    """Issue the job description version in force; its approver signs it."""
    jd = get_or_404(JobDescription, description_id)
    if not can_view_department(current_user, jd.position.department):
        abort(403)
    if jd.status != JobDescriptionStatus.APPROVED:
        flash(_("Only the approved version in force can be issued."), "warning")
        return redirect(url_for("org.show_description", description_id=jd.id))
    return _issue(JOB_DESCRIPTION, jd, f"{jd.position.code} {jd.position.name} v{jd.version}")


@bp.route("/reports/rosters/<int:roster_id>/pdf", methods=["GET", "POST"])
@permission_required(Perm.ROSTER_EDIT)
def issue_roster(roster_id: int):
    """Issue a published or locked roster as a signed PDF: a head of its department signs it first."""
    roster = get_or_404(Roster, roster_id, check=can_edit_roster)
    refusal = roster_refusal(roster)
    if refusal and request.method == "GET":
        flash(refusal, "warning")
    return _issue(ROSTER, roster, ROSTER.subject(roster).label)


@bp.route("/reports/bulk", methods=["GET", "POST"])
@permission_required(Perm.REPORT_ISSUE)
def bulk_issue():
    """Issue the record cards of a whole department in the background."""
    form = BulkForm()
    form.department_id.choices = [(d.id, f"{d.code} {d.name}") for d in visible_departments(current_user)]
    if form.validate_on_submit():
        department = get_or_404(Department, form.department_id.data, check=can_view_department)
        try:
            job = jobs.create_staff_card_job(current_user, department, form.include_subdepartments.data)
        except services.ReportError as exc:
            flash(str(exc), "danger")
        else:
            db.session.commit()
            background.start(job)
            return redirect(url_for("reports.show_job", job_id=job.id))
    return render_template("reports/bulk_form.html", form=form, title=_("Issue record cards in bulk"))


def _job_or_404(job_id: int) -> Job:
    job = db.get_or_404(Job, job_id)
    if job.name != jobs.STAFF_CARDS_JOB:
        abort(404)
    if job.created_by_id != current_user.id and not sees_everything(current_user):
        abort(403)
    return job


@bp.route("/reports/jobs/<int:job_id>")
@permission_required(Perm.REPORT_ISSUE)
def show_job(job_id: int):
    """A bulk job's progress bar (the page polls job_status)."""
    job = _job_or_404(job_id)
    return render_template("reports/job_detail.html", job=job, progress=background.progress(job), title=_("Bulk issuing"))


@bp.route("/reports/jobs/<int:job_id>/status")
@permission_required(Perm.REPORT_ISSUE)
def job_status(job_id: int):
    """JSON counters of a bulk job."""
    return jsonify(background.progress(_job_or_404(job_id)))


@bp.route("/verify", methods=["GET", "POST"])
@login_required
def verify():
    """Upload a PDF or type its verification code: genuine or not, signers, changes, newer versions."""
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
