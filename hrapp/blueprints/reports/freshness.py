"""Is a document still what its record says? Its stored content against the record's content now.

A document whose record has changed since it was built is outdated: it is shown with what changed
and a re-issue action, and a pending one is rebuilt (or refused) before anyone signs it.
"""
from dataclasses import dataclass

from hrapp.blueprints.reports.content import Change, content_changes, content_digest
from hrapp.blueprints.reports.types import ReportType, report_type
from hrapp.extensions import db
from hrapp.models import IssuedDocument


@dataclass(frozen=True)
class Freshness:
    """`comparable`: the document has a fingerprint and its record still exists; `outdated`: the record's
    content differs from the document's; `current` is the record's content now (None if not comparable)."""

    comparable: bool
    outdated: bool = False
    current: dict | None = None
    digest: str = ""


def source_of(doc: IssuedDocument) -> tuple[ReportType | None, object | None]:
    """The document's report type and the record it printed (None when either is gone)."""
    rtype = report_type(doc.kind)
    if rtype is None or doc.source_id is None:
        return rtype, None
    return rtype, db.session.get(rtype.model, doc.source_id)


def freshness(doc: IssuedDocument) -> Freshness:
    """Compare `doc`'s fingerprint with its record's content now (documents without one are not comparable)."""
    rtype, record = source_of(doc)
    if rtype is None or record is None or not doc.content_sha256:
        return Freshness(False)
    current = rtype.record_content(record)
    digest = content_digest(current)
    return Freshness(True, digest != doc.content_sha256, current, digest)


def changes_since(doc: IssuedDocument, fresh: Freshness) -> list[Change]:
    """What changed in the record since `doc` was built (empty if it is current or not comparable)."""
    if not fresh.outdated or doc.content is None:
        return []
    return content_changes(doc.content, fresh.current)


def outdated_ids(docs) -> set[int]:
    """Ids of the `docs` whose record changed since they were built; each record's content is computed once."""
    digests: dict[tuple[str, int], str | None] = {}
    outdated = set()
    for doc in docs:
        if not doc.content_sha256 or doc.source_id is None:
            continue
        key = (doc.kind, doc.source_id)
        if key not in digests:
            fresh = freshness(doc)
            digests[key] = fresh.digest if fresh.comparable else None
        if digests[key] is not None and digests[key] != doc.content_sha256:
            outdated.add(doc.id)
    return outdated


def change_rows(doc: IssuedDocument, changes: list[Change]) -> list[tuple[str, str, str]]:
    """Changes as (field, before, after) for people: field names through the type's labels (in the UI
    language), row identities as printed, absent values as "—"."""
    rtype = report_type(doc.kind)
    labels = rtype.field_labels if rtype is not None else {}
    return [(" › ".join(str(labels.get(part, part)) for part in change.path) or "—",
             _shown(change.old), _shown(change.new)) for change in changes]


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    return str(value)
