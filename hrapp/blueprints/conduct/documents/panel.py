"""What a violation's or a reward's own page shows of its signed documents (the `_violation_documents.html` and
`_reward_documents.html` includes): the versions the reader may see, which are outdated, and the issue link."""
from dataclasses import dataclass, field

from flask_login import current_user

from hrapp.blueprints.reports import registry
from hrapp.blueprints.reports.access import can_view_document, issue_url
from hrapp.blueprints.reports.freshness import outdated_ids
from hrapp.blueprints.reports.types import report_type
from hrapp.models import IssuedDocument


@dataclass(frozen=True)
class DocumentPanel:
    """`documents` newest first; `issue_url` None when the reader may not issue one or `refusal` says why not."""

    documents: list[IssuedDocument] = field(default_factory=list)
    outdated: set[int] = field(default_factory=set)
    issue_url: str | None = None
    refusal: str | None = None


def document_panel(kind: str, record) -> DocumentPanel:
    """The signed documents of `kind` about `record` for the current user (empty for an unknown kind)."""
    rtype = report_type(kind)
    if rtype is None or record is None:
        return DocumentPanel()
    docs = [d for d in registry.versions_of(kind, rtype.subject(record).key) if can_view_document(current_user, d)]
    refusal = rtype.refusal(record) if rtype.refusal is not None else None
    return DocumentPanel(docs, outdated_ids(docs), None if refusal else issue_url(kind, record), refusal)
