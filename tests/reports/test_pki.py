"""The organisation PKI: certificate profiles that pyHanko and NSS accept, refusals with clear
messages, PKCS#12 import from a real CA, keys encrypted at rest, and the CLI."""
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from hrapp.blueprints.reports import pki
from hrapp.blueprints.reports.settings import pki_settings
from tests.reports.conftest import PASSPHRASE


def _root_key(settings):
    return serialization.load_pem_private_key(settings.root_key.read_bytes(), PASSPHRASE)


def _cert(settings, *, usage=(True, True), eku=None, ca=False, days=365, key=None):
    root, root_key = pki.load_root(settings), _root_key(settings)
    key = key or ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    builder = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试")]))
               .issuer_name(root.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(minutes=1)).not_valid_after(now + timedelta(days=days))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(usage[0], usage[1], False, False, False, ca, ca, False, False), critical=True))
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    return builder.sign(root_key, hashes.SHA256()), key


def test_generated_profile(pki_settings_):
    creds = pki.load_credentials(pki_settings_, pki.DEFAULT_SIGNER)
    usage = creds.cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    with pytest.raises(x509.ExtensionNotFound):
        creds.cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert b"ENCRYPTED PRIVATE KEY" in pki_settings_.signer_path(pki.DEFAULT_SIGNER, ".key").read_bytes()


@pytest.mark.parametrize("kwargs, message", [
    ({"usage": (True, False)}, "nonRepudiation"),
    ({"usage": (False, True)}, "digitalSignature"),
    ({"eku": [ExtendedKeyUsageOID.SERVER_AUTH]}, "emailProtection"),
    ({"ca": True}, "CA certificate"),
    ({"days": -1}, "expired"),
])
def test_wrongly_profiled_certificates_are_refused(pki_settings_, kwargs, message):
    days = kwargs.pop("days", 365)
    if days < 0:
        cert, _ = _cert(pki_settings_)
        with pytest.raises(pki.PkiError, match=message):
            pki.check_certificate(cert, (), pki.load_root(pki_settings_), now=datetime.now(UTC) + timedelta(days=400))
        return
    cert, _ = _cert(pki_settings_, **kwargs)
    with pytest.raises(pki.PkiError, match=message):
        pki.check_certificate(cert, (), pki.load_root(pki_settings_))


def test_email_protection_eku_is_accepted(pki_settings_):
    cert, _ = _cert(pki_settings_, eku=[ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH])
    pki.check_certificate(cert, (), pki.load_root(pki_settings_))


def test_look_alike_issuer_is_refused(tmp_path, pki_settings_):
    fake = pki.PkiSettings(tmp_path, PASSPHRASE)
    organisation = pki.load_root(pki_settings_).subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    pki.create_root(fake, organisation)
    cert = pki.issue_signer(fake, "x", "x", organisation=organisation)
    with pytest.raises(pki.PkiError, match="look-alike"):
        pki.check_certificate(cert, (), pki.load_root(pki_settings_))


def test_import_pkcs12_from_a_real_ca(tmp_path, pki_settings_):
    """A CA-issued certificate arrives as a PKCS#12 with its root: imported, re-encrypted, usable."""
    ca = pki.PkiSettings(tmp_path / "ca", PASSPHRASE)
    pki.create_root(ca, "Real CA", key_type="ec")
    cert = pki.issue_signer(ca, "alice", "Alice", organisation="Real CA", key_type="ec")
    key = serialization.load_pem_private_key(ca.signer_path("alice", ".key").read_bytes(), PASSPHRASE)
    blob = pkcs12.serialize_key_and_certificates(b"alice", key, cert, [pki.load_root(ca)],
                                                 serialization.BestAvailableEncryption(b"p12-pass"))
    target = pki.PkiSettings(tmp_path / "org", b"org-pass")
    with pytest.raises(pki.PkiError, match="wrong password"):
        pki.import_pkcs12(target, "org", blob, b"nope")
    pki.import_pkcs12(target, "org", blob, b"p12-pass")
    creds = pki.load_credentials(target, "org")
    assert creds.cert == cert and creds.root == pki.load_root(ca)
    assert b"ENCRYPTED" in target.signer_path("org", ".key").read_bytes()


def test_cli_export_root_and_init_demo(runner, tmp_path, pki_settings_, app):
    out = tmp_path / "root.pem"
    result = runner.invoke(args=["pki", "export-root", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == pki.root_pem(pki_settings_)
    app.config["PKI_DIR"] = str(tmp_path / "fresh")
    assert "created" in runner.invoke(args=["pki", "init-demo"]).output
    assert "already present" in runner.invoke(args=["pki", "init-demo"]).output
    assert (tmp_path / "fresh" / "root.pem").exists()


def test_production_requires_a_passphrase(app, monkeypatch):
    monkeypatch.setitem(app.config, "PKI_PASSPHRASE", None)
    monkeypatch.setitem(app.config, "PKI_REQUIRE_PASSPHRASE", True)
    monkeypatch.delenv("PKI_PASSPHRASE", raising=False)
    with pytest.raises(pki.PkiError, match="must be set"):
        pki_settings()
