"""What the audit trail calls issuing and signing documents."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={"document.issue": _l("Document issued"), "document.sign": _l("Document signed"),
             "document.rebuild": _l("Document rebuilt from its changed record")},
    record_types={"IssuedDocument": _l("Signed document"), "DocumentSignature": _l("Signature")},
    fields={"number": _l("Number"), "subject": _l("Subject"), "version": _l("Version"),
            "sequence": _l("Signature no."), "sha256": _l("SHA-256 fingerprint")},
)
