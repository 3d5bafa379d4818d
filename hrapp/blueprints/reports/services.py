"""Issuing and signing documents: the registry's write side, shared by the web, the CLI and
bulk jobs. Services never commit; on any exception the caller rolls back and nothing is issued."""
import hashlib
from datetime import datetime

from cryptography.hazmat.primitives import hashes
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.reports import pki, registry
from hrapp.blueprints.reports.access import can_fill_slot, may_issue
from hrapp.blueprints.reports.awaiting import notify_next_signers
from hrapp.blueprints.reports.content import content_digest
from hrapp.blueprints.reports.freshness import freshness, source_of
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.pdf.slots import SlotBox
from hrapp.blueprints.reports.settings import auto_issue, pki_settings, verify_url
from hrapp.blueprints.reports.signing import SignatureFailed, StampText, sign_pdf
from hrapp.blueprints.reports.sources import person_name, text
from hrapp.blueprints.reports.types import ReportType, SlotSpec, Subject
from hrapp.company import company_settings
from hrapp.core.localtime import zone_of
from hrapp.extensions import db
from hrapp.models import Department, DocumentSignature, DocumentStatus, IssuedDocument, StaffMember, User, utcnow


class ReportError(Exception):
    """Issuing or signing was refused; the message is meant for the person who asked."""


def _company_now() -> tuple[str, datetime]:
    settings = company_settings()
    return settings.name or "hrapp", datetime.now(zone_of(settings.timezone))


def credentials_for(user: User, company: str = "") -> pki.Credentials:
    """The signing identity of `user`: their personal certificate, issued from the local root on
    first use (PKI_AUTO_ISSUE), else the organisation's default signer.

    :raise pki.PkiError: no usable certificate (missing, expired, wrong profile, bad passphrase).
    """
    settings = pki_settings()
    name = f"user-{user.id}"
    if not pki.has_signer(settings, name) and auto_issue() and settings.root_key.exists():
        pki.issue_signer(settings, name, person_name(user), organisation=company or _company_now()[0])
    return pki.load_credentials(settings, name if pki.has_signer(settings, name) else pki.DEFAULT_SIGNER)


def ensure_demo_pki() -> bool:
    """Create a demo root and default signer under PKI_DIR when missing, so that signing works out
    of the box (`make run`, `flask seed-demo`). Needs an app context.

    :return: True if anything was created.
    :raise pki.PkiError: production without PKI_PASSPHRASE.
    """
    company, _ = _company_now()
    return pki.ensure_demo_pki(pki_settings(), company)


def next_slot(doc: IssuedDocument) -> int | None:
    """Index of the slot to sign next (slots are signed in order), or None when all are signed."""
    count = len(doc.signatures)
    return count if count < len(doc.slots) else None


def can_sign(user, doc: IssuedDocument) -> bool:
    index = next_slot(doc)
    return (doc.status != DocumentStatus.SUPERSEDED and index is not None
            and can_fill_slot(user, doc, doc.slots[index]) and slot_refusal(doc, index) is None)


def slot_refusal(doc: IssuedDocument, index: int) -> str | None:
    """Why slot `index` of `doc` cannot be signed in its record's present state (the type's `sign_refusal`)."""
    rtype, record = source_of(doc)
    if rtype is None or rtype.sign_refusal is None or record is None:
        return None
    return rtype.sign_refusal(record, doc.slots[index]["who"])


def _slot_json(spec: SlotSpec, subject: Subject) -> dict:
    who = spec.who
    if who == "approver":
        if subject.approver_id is None:
            raise ReportError(_l("This version has no recorded approver, so it cannot be signed."))
        who = f"user:{subject.approver_id}"
    return {"label": spec.label, "who": who, "reason": spec.reason, "required": spec.required}


def issue_document(report_type: ReportType, record, actor: User) -> IssuedDocument:
    """Build a new version of `report_type` about `record` and, if `actor` is its first signer, sign it.

    The document stays PENDING until every required slot is signed; it then becomes ISSUED and
    supersedes the previous versions of the same subject.
    :raise ReportError: `actor` may not issue it, or the record cannot be printed.
    :raise pki.PkiError: the signer's certificate is unusable (checked before anything is written).
    """
    if not may_issue(actor, report_type, record):
        raise ReportError(_l("You may not issue documents about this subject."))
    refusal = report_type.refusal(record) if report_type.refusal is not None else None
    if refusal:
        raise ReportError(refusal)
    doc = _new_version(report_type, record, actor, actor)
    notify_next_signers(doc)
    return doc


def _new_version(report_type: ReportType, record, issuer: User, signer: User) -> IssuedDocument:
    """Build and register a new version; `signer` signs its first slot now if that slot is theirs."""
    subject = report_type.subject(record)
    staff = db.session.get(StaffMember, subject.staff_id) if subject.staff_id else None
    department = db.session.get(Department, subject.department_id) if subject.department_id else None
    slots = [_slot_json(spec, subject) for spec in report_type.slots]
    doc = IssuedDocument(
        kind=report_type.kind, title=report_type.title, subject_key=subject.key, subject_label=subject.label,
        subject_staff_id=subject.staff_id, subject_department_id=subject.department_id,
        subject_position_id=subject.position_id, source_id=subject.source_id,
        period_start_on=subject.period_start_on, period_end_on=subject.period_end_on,
        version=registry.next_version(report_type.kind, subject.key), status=DocumentStatus.PENDING,
        issued_by_id=issuer.id, verification_code=registry.new_verification_code(), slots=slots,
        unsigned_sha256="")
    doc.subject_staff, doc.subject_department = staff, department
    signs_now = can_fill_slot(signer, doc, slots[0])
    company, now = _company_now()
    creds = credentials_for(signer, company) if signs_now else None  # fail before anything is written
    doc.issued_on = now.date()
    db.session.add(doc)
    db.session.flush()
    doc.number = registry.document_number(report_type.prefix, now.year, doc.id)
    link = _verify_link(doc)
    data = report_type.prepare(record, Letterhead(company, report_type.title, doc.number, doc.issued_on,
                                                  doc.verification_code, _verify_hint(link), link))
    built = report_type.builder(data)
    doc.content = report_type.content_of_data(data)
    doc.content_sha256 = content_digest(doc.content)
    doc.slots = [dict(s, page=b.page, box=list(b.box)) for s, b in zip(slots, built.slots, strict=True)]
    doc.unsigned_sha256 = hashlib.sha256(built.data).hexdigest()
    doc.pdf, doc.size_bytes = built.data, len(built.data)
    if creds is not None:
        _apply_signature(doc, 0, signer, creds, company, now)
    audit.record(signer, "document.issue", doc, None, {"number": doc.number, "kind": doc.kind,
                                                       "subject": subject.key, "version": doc.version},
                 label=doc.number)
    return doc


def _verify_link(doc: IssuedDocument) -> str:
    base = verify_url()
    return f"{base}?code={doc.verification_code}" if base else ""


def _verify_hint(link: str) -> str:
    return f"验证 Verify: {link}" if link else "验证 Verify: hrapp → /verify"


def sign_document(doc: IssuedDocument, user: User) -> IssuedDocument:
    """Add `user`'s signature in the next slot of `doc` as an incremental update; returns the document signed.

    Nothing is signed that differs from its record at signing time: if the record changed since `doc`
    was built and nobody has signed it yet, it is rebuilt as a new version (superseding `doc`) and
    that version is signed and returned instead.
    :raise ReportError: the document is superseded, fully signed, the next slot is someone else's, or
        the record changed after an earlier signature (it must be re-issued).
    :raise pki.PkiError: the user's certificate is unusable.
    """
    index = next_slot(doc)
    if doc.status == DocumentStatus.SUPERSEDED:
        raise ReportError(_l("A newer version supersedes this document; it can no longer be signed."))
    if index is None:
        raise ReportError(_l("Every signature of this document is already there."))
    if not can_fill_slot(user, doc, doc.slots[index]):
        raise ReportError(_l("The next signature on this document is not yours."))
    if refusal := slot_refusal(doc, index):
        raise ReportError(refusal)
    fresh = freshness(doc)
    if fresh.outdated:
        if index > 0:
            raise ReportError(_l("The record changed after this document was prepared and it already carries "
                                 "a signature: issue a new version instead."))
        doc = _rebuild(doc, user)
    else:
        company, now = _company_now()
        sig = _apply_signature(doc, index, user, credentials_for(user, company), company, now)
        audit.record(user, "document.sign", doc, None, {"sequence": sig.sequence, "sha256": sig.sha256_after},
                     label=doc.number or "")
    notify_next_signers(doc)
    return doc


def _rebuild(doc: IssuedDocument, user: User) -> IssuedDocument:
    """A new version of unsigned, outdated `doc` from its record as it is now, signed by `user`."""
    rtype, record = source_of(doc)
    refusal = rtype.refusal(record) if rtype.refusal is not None else None
    if refusal:
        raise ReportError(refusal)
    new = _new_version(rtype, record, doc.issued_by or user, user)
    if not new.signatures:
        raise ReportError(_l("The next signature on this document is not yours."))
    doc.status, doc.superseded_by_id = DocumentStatus.SUPERSEDED, new.id
    audit.record(user, "document.rebuild", doc, None, {"number": doc.number, "rebuilt_as": new.number},
                 label=doc.number or "")
    return new


def _apply_signature(doc: IssuedDocument, index: int, user: User, creds: pki.Credentials, company: str,
                     now: datetime) -> DocumentSignature:
    slot = doc.slots[index]
    stamp = StampText(person_name(user), text(user.role), now.strftime("%Y-%m-%d %H:%M:%S %Z"), slot["reason"])
    boxes = tuple(SlotBox(s["page"], tuple(s["box"]), s["label"]) for s in doc.slots)
    try:
        signed = sign_pdf(doc.pdf, creds, slots=boxes, index=index, stamp=stamp, reason=slot["reason"],
                          location=company)
    except SignatureFailed as exc:
        raise ReportError(_l("Signing failed: %(error)s", error=str(exc))) from exc
    sha = hashlib.sha256(signed).hexdigest()
    sig = DocumentSignature(
        document=doc, sequence=index + 1, slot_index=index, signer_id=user.id, signer_name=person_name(user)[:120],
        signer_role=text(user.role)[:80], reason=slot["reason"][:200], signed_at=utcnow(),
        certificate_subject=creds.cert.subject.rfc4514_string()[:255],
        certificate_sha256=creds.cert.fingerprint(hashes.SHA256()).hex(), sha256_after=sha)
    db.session.add(sig)
    doc.pdf, doc.sha256, doc.size_bytes = signed, sha, len(signed)
    required_done = all(s.get("required", True) is False or i <= index for i, s in enumerate(doc.slots))
    if doc.status == DocumentStatus.PENDING and required_done:
        doc.status, doc.completed_at = DocumentStatus.ISSUED, utcnow()
        for old in registry.open_versions(doc.kind, doc.subject_key, doc.id):
            old.status, old.superseded_by_id = DocumentStatus.SUPERSEDED, doc.id
    return sig
