"""Verification for people: the cryptographic verdict on a file joined with what the registry
knows about it (which document, which signatures since, whether a newer version replaced it)."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports import registry
from hrapp.blueprints.reports.pki import load_root
from hrapp.blueprints.reports.settings import pki_settings, verify_max_bytes
from hrapp.blueprints.reports.verify import VerificationResult, verify_pdf
from hrapp.models import DocumentStatus, IssuedDocument

# One outcome per file, worst first; each has one explanation in the UI language (see Verdict.outcome).
OUTCOMES = {
    "too_large": _l("The file is too large to be checked."),
    "not_pdf": _l("This is not a PDF file."),
    "damaged": _l("The PDF is damaged and cannot be read."),
    "unsigned": _l("The PDF carries no signature."),
    "too_many": _l("The PDF carries too many signatures to be checked."),
    "unchecked": _l("A signature in this file cannot be checked."),
    "tampered": _l("The signed content was changed after signing (the digest does not match): this copy is not "
                   "genuine."),
    "invalid": _l("A signature does not match its certificate: this copy is not genuine."),
    "untrusted": _l("A signature was not made with a certificate of this organisation."),
    "modified": _l("The file was changed after it was signed: this copy is not genuine."),
    "unregistered": _l("The signatures check out, but this system never issued a document with them."),
    "genuine": _l("Genuine: every signature is valid and trusted, nothing was changed after the last signature, "
                  "and this system issued it."),
}


def outcome_of(result: VerificationResult, registered: bool) -> str:
    """The one outcome of a check (a key of OUTCOMES): the first failing test, in the order listed there."""
    sigs = result.signatures
    checks = (
        (result.file_problem, result.file_problem),
        ("unchecked", any(not s.checked for s in sigs)),
        ("tampered", any(not s.intact for s in sigs)),
        ("invalid", any(not s.valid for s in sigs)),
        ("untrusted", any(not s.trusted for s in sigs)),
        ("modified", result.modified_after_last_signature or any(not s.later_changes_ok for s in sigs)),
        ("unregistered", not registered),
    )
    return next((name for name, failed in checks if failed), "genuine")


@dataclass(frozen=True)
class Verdict:
    """`genuine`: every signature checks out, nothing follows the last one, and the signed revision
    is one the registry issued."""

    result: VerificationResult
    document: IssuedDocument | None = None
    matched_sequence: int | None = None

    @property
    def outcome(self) -> str:
        """The single verdict (a key of OUTCOMES), computed once from the check; the page only explains it."""
        return outcome_of(self.result, self.document is not None)

    @property
    def explanation(self) -> str:
        return str(OUTCOMES[self.outcome])

    @property
    def genuine(self) -> bool:
        return self.outcome == "genuine"

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
