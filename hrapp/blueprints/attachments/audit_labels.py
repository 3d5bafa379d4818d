"""What the audit trail calls the actions on attached files and their fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={"attachment.upload": _l("File attached"), "attachment.download": _l("Attached file downloaded"),
             "attachment.delete": _l("Attached file deleted")},
    record_types={"Attachment": _l("Attached file")},
    fields={"owner_type": _l("Attached to"), "owner_id": _l("Record no."), "sha256": _l("SHA-256 fingerprint"),
            "content_type": _l("File type"), "size_bytes": _l("Size (bytes)"), "original_name": _l("File name"),
            "note": _l("Note")},
)
