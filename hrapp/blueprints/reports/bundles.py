"""The documents of a bulk job in one download: a ZIP of the signed PDFs as they are, and one merged,
unsigned PDF to print. Only the documents the user may see (the reports access rules) are included."""
from collections.abc import Iterator

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.blueprints.reports.access import document_scope_clause
from hrapp.blueprints.reports.pdf.merge import merged_print_copy
from hrapp.core.zipstream import zip_chunks
from hrapp.extensions import db
from hrapp.models import IssuedDocument, Job


def job_documents(job: Job, user) -> list[IssuedDocument]:
    """The documents `job` issued that `user` may see, by number (their bytes not loaded yet)."""
    ids = [int(i) for i in (job.result or {}).get("document_ids") or []]
    if not ids:
        return []
    return list(db.session.scalars(
        sa.select(IssuedDocument).where(IssuedDocument.id.in_(ids), document_scope_clause(user))
        .order_by(IssuedDocument.number, IssuedDocument.id)))


def _pdf_of(doc: IssuedDocument) -> bytes:
    """One document's current (signed) bytes, loaded on its own so a big job never holds them all."""
    return db.session.scalar(sa.select(IssuedDocument.pdf).where(IssuedDocument.id == doc.id)) or b""


def zip_stream(documents: list[IssuedDocument]) -> Iterator[bytes]:
    """A ZIP of `documents` (`<number>.pdf`, the signed bytes unchanged), chunk by chunk."""
    members = ((f"{doc.number}.pdf", _pdf_of(doc), doc.completed_at or doc.created_at) for doc in documents)
    return zip_chunks(members)


def print_copy(job: Job, documents: list[IssuedDocument]) -> bytes:
    """One unsigned PDF of every page of `documents`, titled as a print copy of `job`."""
    title = _("Print copy, not signed: %(label)s", label=job.label)
    return merged_print_copy((_pdf_of(doc) for doc in documents), title)
