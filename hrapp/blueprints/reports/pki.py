"""Organisation PKI kept in PKI_DIR: a root certificate and signing certificates whose private
keys are encrypted at rest with the configured passphrase.

Layout: ``root.pem`` (+ ``root.key`` when the root was made here), ``signers/<name>.pem``,
``signers/<name>.key`` and optionally ``signers/<name>.chain.pem`` (intermediates of a real CA).
The default signer is ``org``; ``user-<username>`` is a personal certificate that takes
precedence for that user. Profile accepted by pyHanko and poppler/NSS alike: key usage
digitalSignature + nonRepudiation, and no extended key usage or one that includes emailProtection.
"""
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: F401 (NameOID re-exported for callers)

DEFAULT_SIGNER = "org"
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,80}$")


class PkiError(Exception):
    """A PKI problem stated for people: missing, expired or wrongly profiled certificate, bad passphrase."""


@dataclass(frozen=True)
class PkiSettings:
    directory: Path
    passphrase: bytes

    @property
    def root_cert(self) -> Path:
        return self.directory / "root.pem"

    @property
    def root_key(self) -> Path:
        return self.directory / "root.key"

    def signer_path(self, name: str, suffix: str) -> Path:
        if not _NAME.match(name):
            raise PkiError(f"Invalid signer name {name!r}")
        return self.directory / "signers" / f"{name}{suffix}"


@dataclass(frozen=True, eq=False)
class Credentials:
    """A loaded signing identity: certificate, decrypted key, intermediates and the root."""

    name: str
    cert: x509.Certificate
    key: object
    chain: tuple[x509.Certificate, ...]
    root: x509.Certificate


def _now() -> datetime:
    return datetime.now(UTC)


def _new_key(key_type: str):
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    raise PkiError(f"Unknown key type {key_type!r} (rsa or ec)")


def _write_key(path: Path, key, passphrase: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(passphrase))
    path.write_bytes(data)
    path.chmod(0o600)


def _write_certs(path: Path, certs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))


def _read_key(path: Path, passphrase: bytes):
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=passphrase)
    except FileNotFoundError as exc:
        raise PkiError(f"Private key {path} is missing") from exc
    except (ValueError, TypeError) as exc:
        raise PkiError(f"Cannot decrypt {path}: wrong PKI_PASSPHRASE or damaged key") from exc


def _read_certs(path: Path) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(path.read_bytes())
    except FileNotFoundError as exc:
        raise PkiError(f"Certificate {path} is missing; run `flask pki init-demo` or `flask pki init`") from exc
    except ValueError as exc:
        raise PkiError(f"{path} is not a PEM certificate file") from exc


def _name(common_name: str, organisation: str) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    return x509.Name(attrs)


def create_root(settings: PkiSettings, organisation: str, *, years: int = 20, key_type: str = "rsa",
                overwrite: bool = False) -> x509.Certificate:
    """Create the self-signed organisation root (CA, may sign end certificates only).

    :raise PkiError: a root already exists and `overwrite` is false.
    """
    if settings.root_cert.exists() and not overwrite:
        raise PkiError(f"A root certificate already exists in {settings.directory}")
    key = _new_key(key_type)
    subject = _name(f"{organisation or 'hrapp'} Root CA", organisation)
    now = _now()
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256()))
    _write_key(settings.root_key, key, settings.passphrase)
    _write_certs(settings.root_cert, [cert])
    return cert


def issue_signer(settings: PkiSettings, name: str, common_name: str, *, organisation: str = "",
                 years: int = 3, key_type: str = "rsa", valid_from: datetime | None = None) -> x509.Certificate:
    """Issue a signing certificate from the local root and store it as signer `name`.

    :raise PkiError: no local root key (imported roots cannot issue), or a bad passphrase.
    """
    root = _read_certs(settings.root_cert)[0]
    root_key = _read_key(settings.root_key, settings.passphrase)
    key = _new_key(key_type)
    start = valid_from or _now() - timedelta(minutes=5)
    cert = (x509.CertificateBuilder().subject_name(_name(common_name, organisation))
            .issuer_name(root.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    _write_key(settings.signer_path(name, ".key"), key, settings.passphrase)
    _write_certs(settings.signer_path(name, ".pem"), [cert])
    return cert


def import_pkcs12(settings: PkiSettings, name: str, data: bytes, password: bytes | None) -> x509.Certificate:
    """Store the key and certificate of a PKCS#12 file (from a real CA) as signer `name`.

    Its CA certificates become the chain; a self-signed one among them becomes the root when no
    root is configured yet. The key is re-encrypted with PKI_PASSPHRASE.
    :raise PkiError: wrong password, no key, or a certificate profile signing cannot use.
    """
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password)
    except ValueError as exc:
        raise PkiError("Cannot read the PKCS#12 file: wrong password or not a PKCS#12 file") from exc
    if key is None or cert is None:
        raise PkiError("The PKCS#12 file holds no private key and certificate")
    roots = [c for c in extra if c.subject == c.issuer]
    chain = [c for c in extra if c.subject != c.issuer]
    if not settings.root_cert.exists():
        if not roots:
            raise PkiError("The PKCS#12 file has no root certificate; import the CA's root first (pki import-root)")
        _write_certs(settings.root_cert, roots[:1])
    check_certificate(cert, chain, _read_certs(settings.root_cert)[0])
    _write_key(settings.signer_path(name, ".key"), key, settings.passphrase)
    _write_certs(settings.signer_path(name, ".pem"), [cert])
    if chain:
        _write_certs(settings.signer_path(name, ".chain.pem"), chain)
    return cert


def import_root(settings: PkiSettings, pem: bytes) -> x509.Certificate:
    """Trust a CA's self-signed root certificate (PEM or DER) as the organisation root."""
    try:
        cert = x509.load_pem_x509_certificate(pem) if b"-----BEGIN" in pem else x509.load_der_x509_certificate(pem)
    except ValueError as exc:
        raise PkiError("Not a certificate file") from exc
    _write_certs(settings.root_cert, [cert])
    return cert


def load_root(settings: PkiSettings) -> x509.Certificate:
    """The organisation root certificate. :raise PkiError: none configured."""
    return _read_certs(settings.root_cert)[0]


def root_pem(settings: PkiSettings) -> bytes:
    """The root certificate as PEM, for downloads and `pki export-root`."""
    return load_root(settings).public_bytes(serialization.Encoding.PEM)


def has_signer(settings: PkiSettings, name: str) -> bool:
    return settings.signer_path(name, ".pem").exists()


def check_certificate(cert: x509.Certificate, chain, root: x509.Certificate, now: datetime | None = None) -> None:
    """Refuse a certificate that pyHanko or poppler/NSS would not accept for signing.

    :raise PkiError: not yet valid or expired (it or its issuers), missing digitalSignature or
        nonRepudiation, an extended key usage without emailProtection, a CA certificate, or an
        issuer path that does not end at the organisation root.
    """
    now = now or _now()
    label = cert.subject.rfc4514_string()
    if now < cert.not_valid_before_utc:
        raise PkiError(f"The signing certificate {label} is not valid before {cert.not_valid_before_utc:%Y-%m-%d}")
    if now > cert.not_valid_after_utc:
        raise PkiError(f"The signing certificate {label} expired on {cert.not_valid_after_utc:%Y-%m-%d}")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound as exc:
        raise PkiError(f"The signing certificate {label} has no key usage extension") from exc
    if not (usage.digital_signature and usage.content_commitment):
        raise PkiError(f"The signing certificate {label} lacks digitalSignature and nonRepudiation key usage")
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        if ExtendedKeyUsageOID.EMAIL_PROTECTION not in eku:
            raise PkiError(f"The signing certificate {label} has an extended key usage without "
                           "emailProtection; PDF readers using NSS (pdfsig, Firefox) reject it")
    except x509.ExtensionNotFound:
        pass
    try:
        if cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            raise PkiError(f"{label} is a CA certificate, not a signing certificate")
    except x509.ExtensionNotFound:
        pass
    _check_path(cert, list(chain), root, now)


def _check_path(cert, chain, root, now) -> None:
    current = cert
    for _ in range(len(chain) + 1):
        issuer = next((c for c in [*chain, root] if c.subject == current.issuer), None)
        if issuer is None:
            break
        try:
            current.verify_directly_issued_by(issuer)
        except (InvalidSignature, ValueError, TypeError) as exc:
            raise PkiError(f"{current.subject.rfc4514_string()} was not issued by the organisation root "
                           "(signature mismatch: a look-alike CA?)") from exc
        if not issuer.not_valid_before_utc <= now <= issuer.not_valid_after_utc:
            raise PkiError(f"The issuing certificate {issuer.subject.rfc4514_string()} is not valid now")
        if issuer == root:
            return
        current = issuer
    raise PkiError(f"{cert.subject.rfc4514_string()} does not chain to the organisation root")


@lru_cache(maxsize=32)
def _load_cached(directory: str, name: str, passphrase: bytes, stamp: tuple) -> Credentials:  # noqa: ARG001
    settings = PkiSettings(Path(directory), passphrase)
    cert = _read_certs(settings.signer_path(name, ".pem"))[0]
    chain_path = settings.signer_path(name, ".chain.pem")
    chain = tuple(_read_certs(chain_path)) if chain_path.exists() else ()
    key = _read_key(settings.signer_path(name, ".key"), passphrase)
    if key.public_key().public_numbers() != cert.public_key().public_numbers():
        raise PkiError(f"The private key of signer {name} does not match its certificate")
    return Credentials(name, cert, key, chain, load_root(settings))


def load_credentials(settings: PkiSettings, name: str, now: datetime | None = None) -> Credentials:
    """Load (once per process, until the files change) and check signer `name`.

    :raise PkiError: missing files, wrong passphrase, mismatched key, or a bad certificate profile.
    """
    paths = [settings.signer_path(name, s) for s in (".pem", ".key", ".chain.pem")] + [settings.root_cert]
    if not paths[0].exists():
        raise PkiError(f"No signing certificate {name!r} in {settings.directory}; "
                       "run `flask pki init-demo` or `flask pki issue`")
    stamp = tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in paths)
    creds = _load_cached(str(settings.directory), name, settings.passphrase, stamp)
    check_certificate(creds.cert, creds.chain, creds.root, now)
    return creds


def ensure_demo_pki(settings: PkiSettings, organisation: str) -> bool:
    """Create a root and the default `org` signer when none exist. True if anything was created."""
    created = False
    if not settings.root_cert.exists():
        create_root(settings, organisation)
        created = True
    if not has_signer(settings, DEFAULT_SIGNER):
        issue_signer(settings, DEFAULT_SIGNER, f"{organisation or 'hrapp'} document signing",
                     organisation=organisation)
        created = True
    return created
