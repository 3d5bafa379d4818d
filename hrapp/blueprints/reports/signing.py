"""PAdES baseline B-B signatures with a visible bilingual stamp (pyHanko), tuned for speed.

The naive pyHanko path re-parses the private key on every signature, loads the stamp font
from disk each time and signs twice to estimate the signature size. Here the key object and
the pyHanko signer are cached per credentials, the stamp font is a small cached subset, and the
signature space is reserved from the certificate sizes.
"""
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from asn1crypto import tsp
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import attributes, fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from hrapp.blueprints.reports.eventloop import call_outside_loop
from hrapp.blueprints.reports.pdf.fonts import plain
from hrapp.blueprints.reports.pdf.slots import SlotBox
from hrapp.blueprints.reports.pdf.stampfont import StampFontFactory, stamp_font
from hrapp.blueprints.reports.pki import Credentials

STAMP_TEMPLATE = "签名人 Signed by: %(signer)s\n角色 Role: %(role)s\n时间 Time: %(time)s\n事由 Reason: %(reason)s"
_HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


class SignatureFailed(Exception):
    """Signing failed; nothing was produced."""


@dataclass(frozen=True)
class StampText:
    """The four lines of a visible stamp: who signed, in which role, when, and why."""

    signer: str
    role: str
    time: str
    reason: str

    def params(self) -> dict[str, str]:
        return {"signer": plain(self.signer, 40), "role": plain(self.role, 40),
                "time": plain(self.time, 40), "reason": plain(self.reason, 48)}


class _CachedSigningCertificate(attributes.SigningCertificateV2Provider):
    """The signing-certificate-v2 attribute, encoded once per certificate.

    pyHanko rebuilds it for every signature from the certificate's issuer name; building it
    touches the shared certificate object so that asn1crypto re-encodes the certificate again
    and again: about three quarters of the CMS time. Loading the cached DER costs nothing.
    """

    _der: dict[bytes, bytes] = {}

    async def build_attr_value(self, dry_run=False):
        key = self.signing_cert.dump()
        if key not in self._der:
            self._der[key] = (await super().build_attr_value(dry_run)).dump()
        return tsp.SigningCertificateV2.load(self._der[key])


class _CachedKeySigner(signers.SimpleSigner):
    """SimpleSigner that signs with an already loaded key instead of re-parsing it every time,
    and reuses the encoded signing-certificate attribute."""

    def __init__(self, creds: Credentials):
        registry = SimpleCertificateStore.from_certs(
            [translate_pyca_cryptography_cert_to_asn1(c) for c in (*creds.chain, creds.root)])
        super().__init__(signing_cert=translate_pyca_cryptography_cert_to_asn1(creds.cert),
                         signing_key=translate_pyca_cryptography_key_to_asn1(creds.key),
                         cert_registry=registry)
        self._key = creds.key

    def _signed_attr_providers(self, *args, **kwargs):
        for provider in super()._signed_attr_providers(*args, **kwargs):
            if isinstance(provider, attributes.SigningCertificateV2Provider):
                provider = _CachedSigningCertificate(provider.signing_cert)
            yield provider

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        algorithm = _HASHES[digest_algorithm]()
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._key, RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), algorithm)
        if mechanism == "ecdsa" and isinstance(self._key, EllipticCurvePrivateKey):
            return self._key.sign(data, ECDSA(algorithm))
        return super().sign_raw(data, digest_algorithm)


@lru_cache(maxsize=32)
def _signer(creds: Credentials) -> _CachedKeySigner:
    return _CachedKeySigner(creds)


def reserved_bytes(creds: Credentials) -> int:
    """Room for the CMS blob, in hex digits: embedded certificates, signature value, attributes."""
    certs = sum(len(c.public_bytes(Encoding.DER)) for c in (creds.cert, *creds.chain, creds.root))
    return 2 * (certs + creds.key.key_size // 4 + 1024)


def _stamp_style(text: str) -> TextStampStyle:
    box = TextBoxStyle(font=StampFontFactory(stamp_font(text)), font_size=8, leading=10)
    inner = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MIN,
                                       y_align=layout.AxisAlignment.ALIGN_MID,
                                       margins=layout.Margins.uniform(4),
                                       inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT)
    return TextStampStyle(stamp_text=STAMP_TEMPLATE, text_box_style=box, inner_content_layout=inner,
                          border_width=1, border_color=(0.12, 0.31, 0.47))


def field_name(index: int) -> str:
    """The form-field name of the signature in slot `index` (0-based)."""
    return f"Sig{index + 1}"


def sign_pdf(pdf: bytes, creds: Credentials, *, slots: tuple[SlotBox, ...], index: int, stamp: StampText,
             reason: str, location: str = "") -> bytes:
    """Append one PAdES B-B signature as an incremental update, stamped visibly in `slots[index]`.

    The first signature (index 0) certifies the document and creates the empty fields of every
    other slot in the same revision: later signers may then only fill those fields (DocMDP level 2),
    and any other change shows up as a modification.
    :return: the signed document (the input bytes followed by the new revision).
    :raise SignatureFailed: pyHanko refused (e.g. the field is already signed).
    """
    params = stamp.params()
    certify = index == 0
    name = field_name(index)
    meta = signers.PdfSignatureMetadata(
        field_name=name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=plain(reason, 200), location=plain(location, 120) or None, name=params["signer"],
        certify=certify, docmdp_permissions=fields.MDPPerm.FILL_FORMS)
    spec = fields.SigFieldSpec(name, on_page=slots[index].page, box=slots[index].box) if certify else None
    pdf_signer = signers.PdfSigner(meta, _signer(creds), stamp_style=_stamp_style(STAMP_TEMPLATE % params),
                                   new_field_spec=spec)
    try:
        writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        if certify:
            for i, slot in enumerate(slots[1:], start=1):
                fields.append_signature_field(writer, fields.SigFieldSpec(field_name(i), on_page=slot.page,
                                                                          box=slot.box))
        out = call_outside_loop(pdf_signer.sign_pdf, writer, existing_fields_only=not certify,
                                bytes_reserved=reserved_bytes(creds), appearance_text_params=params)
    except (SigningError, PdfError, ValueError) as exc:
        raise SignatureFailed(str(exc)) from exc
    return out.getvalue()
