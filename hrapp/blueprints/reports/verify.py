"""Check a signed PDF against the organisation root: every signature, who signed and when, and
whether anything was changed after the last one.

pyHanko's overall verdict accepts some trailing incremental updates (document information,
for instance) that no signature covers; here the newest signature must cover the entire file,
and every earlier one may only be followed by the addition of further signatures.
"""
import hashlib
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from cryptography import x509
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from hrapp.blueprints.reports.eventloop import call_outside_loop

MAX_BYTES = 20 * 1024 * 1024
MAX_SIGNATURES = 20  # each one costs a validation and a difference analysis
_ACCEPTABLE_LATER_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)


@dataclass(frozen=True)
class SignatureReport:
    """One embedded signature as checked."""

    field_name: str
    signer: str
    certificate: str
    signed_at: datetime | None
    reason: str
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    revision_sha256: str
    problems: tuple[str, ...] = ()
    checked: bool = True  # False: the signature could not be evaluated at all
    later_changes_ok: bool = True  # only signatures were added after it (always True for the last one)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class VerificationResult:
    """The verdict on a whole file: genuine only if every signature is, and nothing follows the last."""

    sha256: str
    signatures: tuple[SignatureReport, ...] = ()
    problems: tuple[str, ...] = ()
    modified_after_last_signature: bool = False
    # Why the file as a whole could not be checked: "too_large", "not_pdf", "damaged", "unsigned",
    # "too_many" ("" when its signatures were checked).
    file_problem: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    @property
    def all_problems(self) -> tuple[str, ...]:
        return self.problems + tuple(f"{s.field_name}: {p}" for s in self.signatures for p in s.problems)


def _context(root: x509.Certificate) -> ValidationContext:
    return ValidationContext(trust_roots=[translate_pyca_cryptography_cert_to_asn1(root)],
                             allow_fetching=False, revocation_mode="soft-fail")


def _report(data: bytes, emb, root: x509.Certificate, is_last: bool) -> SignatureReport:
    _, _, start2, len2 = (int(v) for v in emb.byte_range)
    revision_sha = hashlib.sha256(data[:start2 + len2]).hexdigest()
    sig = emb.sig_object
    reason = str(sig.get("/Reason", ""))
    name = str(sig.get("/Name", ""))
    try:
        status = call_outside_loop(validate_pdf_signature, emb, signer_validation_context=_context(root))
    except Exception as exc:  # noqa: BLE001 - a malformed signature is a verdict, not a crash
        return SignatureReport(emb.field_name, name, "", None, reason, False, False, False, False, revision_sha,
                               (f"cannot be checked ({type(exc).__name__})",), checked=False)
    problems = []
    if not status.intact:
        problems.append("the signed bytes were changed (digest mismatch)")
    elif not status.valid:
        problems.append("the signature value does not match the certificate")
    if not status.trusted:
        problems.append("the certificate does not chain to the organisation root")
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if is_last and not whole:
        problems.append("the file was changed after this signature (not the entire file is signed)")
    later_ok = is_last or (status.modification_level in _ACCEPTABLE_LATER_CHANGES and bool(status.docmdp_ok))
    if not later_ok:
        problems.append("later revisions change more than signature fields")
    cert = status.signing_cert
    return SignatureReport(
        field_name=emb.field_name, signer=name or subject_names(cert.subject.native),
        certificate=subject_names(cert.subject.native), signed_at=emb.self_reported_timestamp, reason=reason,
        intact=status.intact, valid=status.valid, trusted=status.trusted, covers_whole_file=whole,
        revision_sha256=revision_sha, problems=tuple(problems), later_changes_ok=later_ok)


def subject_names(subject: dict) -> str:
    """A certificate's subject as people read it: "张三 · 示例酒店" (its name and organisation), with none of the
    English attribute labels ("Common Name: …, Organization: …") a technical rendering would show."""
    return " · ".join(str(subject[key]) for key in ("common_name", "organization_name") if subject.get(key))


def verify_pdf(data: bytes, root: x509.Certificate, max_bytes: int = MAX_BYTES) -> VerificationResult:
    """Verify every signature of `data` against `root`. Never raises on bad input.

    :return: a result whose `ok` is true only if the file is a PDF, has at least one signature,
        every signature is intact, valid and trusted, only signatures were added after each one,
        and the newest signature covers the entire file.
    """
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        return VerificationResult(sha, problems=(f"the file is larger than {max_bytes // (1024 * 1024)} MiB",),
                                  file_problem="too_large")
    if b"%PDF-" not in data[:1024]:
        return VerificationResult(sha, problems=("this is not a PDF file",), file_problem="not_pdf")
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = sorted(reader.embedded_regular_signatures, key=lambda e: int(e.byte_range[3]) + int(e.byte_range[2]))
    except (PdfError, ValueError, KeyError, TypeError, IndexError, OSError) as exc:
        return VerificationResult(sha, problems=(f"the PDF is damaged and cannot be read ({type(exc).__name__})",),
                                  file_problem="damaged")
    if not embedded:
        return VerificationResult(sha, problems=("the PDF carries no signature",), file_problem="unsigned")
    if len(embedded) > MAX_SIGNATURES:
        return VerificationResult(sha, problems=(f"the PDF carries more than {MAX_SIGNATURES} signatures",),
                                  file_problem="too_many")
    reports = tuple(_report(data, emb, root, i == len(embedded) - 1) for i, emb in enumerate(embedded))
    return VerificationResult(sha, reports, modified_after_last_signature=not reports[-1].covers_whole_file)
