"""The registry of issued (signed) documents and their signatures."""
import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import enum_column, utcnow

if TYPE_CHECKING:
    from hrapp.models.org import Department, Position
    from hrapp.models.staff import StaffMember
    from hrapp.models.user import User


class DocumentStatus(enum.StrEnum):
    PENDING = "pending"        # a required signature is still missing
    ISSUED = "issued"          # every required signature is there; the version in force
    SUPERSEDED = "superseded"  # a newer version of the same subject replaced it


class IssuedDocument(db.Model):
    """One version of a signed report. Its bytes only ever grow by further signatures in its
    planned slots; a changed subject gets a new version and this one is marked superseded."""

    __tablename__ = "issued_documents"
    __table_args__ = (sa.Index("ix_issued_documents_subject", "kind", "subject_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(sa.String(32), unique=True)
    verification_code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    # The kind of a registered report type (hrapp.blueprints.reports.types), e.g. "staff_card".
    kind: Mapped[str] = mapped_column(sa.String(40))
    title: Mapped[str] = mapped_column(sa.String(120))
    # "staff:12", "position:5": documents of one subject form a version series.
    subject_key: Mapped[str] = mapped_column(sa.String(64))
    subject_label: Mapped[str] = mapped_column(sa.String(160), default="")
    subject_staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    subject_department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    subject_position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"))
    source_id: Mapped[int | None]  # e.g. the JobDescription version printed
    period_start_on: Mapped[date | None]
    period_end_on: Mapped[date | None]
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[DocumentStatus] = mapped_column(enum_column(DocumentStatus), default=DocumentStatus.PENDING)
    issued_on: Mapped[date]
    issued_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    superseded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("issued_documents.id"))
    # [{"label": ..., "who": "issuer"|"subject"|"user:<id>", "required": bool, "page": n, "box": [..]}]
    slots: Mapped[list] = mapped_column(sa.JSON, default=list)
    unsigned_sha256: Mapped[str] = mapped_column(sa.String(64))
    # What the record said when the document was built (reports.content) and its SHA-256: a later
    # difference makes the document outdated. None for documents issued before fingerprints existed.
    content_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    content: Mapped[dict | None] = mapped_column(sa.JSON, deferred=True)
    sha256: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(default=0)
    pdf: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)

    issued_by: Mapped["User | None"] = relationship()
    subject_staff: Mapped["StaffMember | None"] = relationship()
    subject_department: Mapped["Department | None"] = relationship()
    subject_position: Mapped["Position | None"] = relationship()
    superseded_by: Mapped["IssuedDocument | None"] = relationship(remote_side=[id])
    signatures: Mapped[list["DocumentSignature"]] = relationship(
        back_populates="document", order_by="DocumentSignature.sequence")

    def __repr__(self) -> str:
        return f"<IssuedDocument({self.number!r}, {self.status})>"


class DocumentSignature(db.Model):
    """A signature applied to an issued document: who, in which role, when, with which certificate."""

    __tablename__ = "document_signatures"
    __table_args__ = (sa.UniqueConstraint("document_id", "sequence", name="document_sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("issued_documents.id"), index=True)
    sequence: Mapped[int]  # 1-based order of signing
    slot_index: Mapped[int]
    signer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    signer_name: Mapped[str] = mapped_column(sa.String(120))
    signer_role: Mapped[str] = mapped_column(sa.String(80))
    reason: Mapped[str] = mapped_column(sa.String(200))
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    certificate_subject: Mapped[str] = mapped_column(sa.String(255))
    certificate_sha256: Mapped[str] = mapped_column(sa.String(64))
    # SHA-256 of the whole file right after this signature: finds the document of any copy.
    sha256_after: Mapped[str] = mapped_column(sa.String(64), index=True)

    document: Mapped[IssuedDocument] = relationship(back_populates="signatures")
    signer: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<DocumentSignature(doc={self.document_id}, #{self.sequence})>"


_IMMUTABLE = ("number", "verification_code", "kind", "subject_key", "subject_staff_id",
              "subject_department_id", "version", "unsigned_sha256", "issued_on", "content_sha256")


@event.listens_for(IssuedDocument, "before_update")
def _refuse_rewrite(mapper, connection, target):  # noqa: ARG001
    """A document's identity never changes, and its bytes only change by gaining a signature.

    Compared with the stored row, so an expired (unloaded) attribute cannot slip through.
    """
    state = sa.inspect(target)
    changed = [name for name in (*_IMMUTABLE, "pdf") if state.attrs[name].history.has_changes()]
    if not changed:
        return
    table = IssuedDocument.__table__
    stored = connection.execute(sa.select(*(table.c[n] for n in changed)).where(table.c.id == target.id)).one()
    for name, old in zip(changed, stored, strict=True):
        new = getattr(target, name)
        if name == "pdf":
            if old is not None and not (new or b"").startswith(old):
                raise RuntimeError("a signed document's bytes can only grow by an incremental signature")
        elif old not in (None, "") and new != old:
            raise RuntimeError(f"issued documents are immutable ({name})")


@event.listens_for(DocumentSignature, "before_update")
@event.listens_for(DocumentSignature, "before_delete")
def _refuse_signature_change(mapper, connection, target):  # noqa: ARG001
    raise RuntimeError("document signatures are append-only")
