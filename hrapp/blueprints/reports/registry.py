"""The registry's read side and numbering: verification codes, lookups by code or file hash,
version series and documents awaiting someone's signature."""
import re
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from hrapp.blueprints.reports.access import document_scope_clause
from hrapp.extensions import db
from hrapp.models import DocumentSignature, DocumentStatus, IssuedDocument

# Crockford's base32: no I, L, O or U, so a code read off paper is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = re.compile(r"[^0-9A-Z]")


def new_verification_code() -> str:
    """A random 60-bit code printed on every page, like 7K3M-Q9TD-2XWB."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(value: str) -> str:
    """Accept codes typed in lower case, with spaces or without dashes; O→0 and I/L→1 as Crockford does."""
    raw = _CODE_CHARS.sub("", (value or "").upper().replace("O", "0").replace("I", "1").replace("L", "1"))[:12]
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else ""


def document_number(prefix: str, year: int, doc_id: int) -> str:
    """SC-2026-000123: type, year of issue and the registry id (unique without a counter table)."""
    return f"{prefix}-{year}-{doc_id:06d}"


def find_by_code(code: str) -> IssuedDocument | None:
    normalised = normalise_code(code)
    if not normalised:
        return None
    return db.session.scalar(sa.select(IssuedDocument).where(IssuedDocument.verification_code == normalised))


def find_by_revision_hash(sha256_hex: str) -> tuple[IssuedDocument, DocumentSignature] | None:
    """The document and signature after which the file had exactly this SHA-256."""
    sig = db.session.scalar(sa.select(DocumentSignature).where(DocumentSignature.sha256_after == sha256_hex))
    return (sig.document, sig) if sig is not None else None


def series(doc: IssuedDocument) -> list[IssuedDocument]:
    """Every version of the same document type and subject, newest first."""
    return versions_of(doc.kind, doc.subject_key)


def versions_of(kind, subject_key: str) -> list[IssuedDocument]:
    """Every version about one subject, newest first."""
    return db.session.scalars(sa.select(IssuedDocument).where(
        IssuedDocument.kind == kind, IssuedDocument.subject_key == subject_key)
        .order_by(IssuedDocument.version.desc())).all()


def next_version(kind, subject_key: str) -> int:
    current = db.session.scalar(sa.select(sa.func.max(IssuedDocument.version)).where(
        IssuedDocument.kind == kind, IssuedDocument.subject_key == subject_key))
    return (current or 0) + 1


def open_versions(kind, subject_key: str, exclude_id: int) -> list[IssuedDocument]:
    """Versions still pending or in force, other than `exclude_id`."""
    return db.session.scalars(sa.select(IssuedDocument).where(
        IssuedDocument.kind == kind, IssuedDocument.subject_key == subject_key, IssuedDocument.id != exclude_id,
        IssuedDocument.status != DocumentStatus.SUPERSEDED)).all()


def awaiting_candidates(user, limit: int = 50) -> list[IssuedDocument]:
    """Documents in `user`'s scope that still have an unsigned slot (callers filter with can_sign)."""
    own = IssuedDocument.subject_staff_id == user.staff_id if getattr(user, "staff_id", None) else sa.false()
    return db.session.scalars(sa.select(IssuedDocument).options(  # can_sign reads these: no query per document
        selectinload(IssuedDocument.signatures), joinedload(IssuedDocument.subject_staff),
        joinedload(IssuedDocument.subject_department)).where(
        document_scope_clause(user),
        sa.or_(IssuedDocument.status == DocumentStatus.PENDING,
               sa.and_(IssuedDocument.status == DocumentStatus.ISSUED, own)))
        .order_by(IssuedDocument.id.desc()).limit(limit)).all()


def visible_documents(user):
    """A select of the documents `user` may see, newest first."""
    return (sa.select(IssuedDocument).where(document_scope_clause(user))
            .order_by(IssuedDocument.created_at.desc(), IssuedDocument.id.desc()))
