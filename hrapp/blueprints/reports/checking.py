"""Verification for people: the cryptographic verdict on a file joined with what the registry
knows about it (which document, which signatures since, whether a newer version replaced it)."""
from dataclasses import dataclass

from hrapp.blueprints.reports import registry
from hrapp.blueprints.reports.pki import load_root
from hrapp.blueprints.reports.settings import pki_settings, verify_max_bytes
from hrapp.blueprints.reports.verify import VerificationResult, verify_pdf
from hrapp.models import DocumentStatus, IssuedDocument


@dataclass(frozen=True)
class Verdict:
    """`genuine`: every signature checks out, nothing follows the last one, and the signed revision
    is one the registry issued."""

    result: VerificationResult
    document: IssuedDocument | None = None
    matched_sequence: int | None = None

    @property
    def genuine(self) -> bool:
        return self.result.ok and self.document is not None

    @property
    def superseded_by(self) -> IssuedDocument | None:
        doc = self.document
        return doc.superseded_by if doc is not None and doc.status == DocumentStatus.SUPERSEDED else None

    @property
    def later_signatures(self) -> int:
        """Signatures the registry holds beyond those in this copy (e.g. a later acknowledgement)."""
        if self.document is None or self.matched_sequence is None:
            return 0
        return max(len(self.document.signatures) - self.matched_sequence, 0)

    @property
    def problems(self) -> tuple[str, ...]:
        extra = () if self.document is not None or not self.result.signatures else (
            "no document with these signatures was issued by this system",)
        return self.result.all_problems + extra


def verify_upload(data: bytes) -> Verdict:
    """Verify `data` against the organisation root and find it in the registry.

    :raise PkiError: no organisation root is configured.
    """
    result = verify_pdf(data, load_root(pki_settings()), verify_max_bytes())
    for report in reversed(result.signatures):
        match = registry.find_by_revision_hash(report.revision_sha256)
        if match is not None:
            doc, sig = match
            return Verdict(result, doc, sig.sequence)
    return Verdict(result)
