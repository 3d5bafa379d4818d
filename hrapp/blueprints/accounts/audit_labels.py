"""What the audit trail calls the actions on accounts and API tokens, and their fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.accounts.forms import UserForm
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

AUDIT = AuditVocabulary(
    actions={
        "user.create": _l("Account created"),
        "user.update": _l("Account changed"),
        "user.role": _l("Account role changed"),
        "user.password": _l("Password changed"),
        "user.password_reset": _l("Password reset link issued"),
        "api_token.create": _l("API token created"),
        "api_token.revoke": _l("API token revoked"),
    },
    record_types={"User": _l("Account"), "ApiToken": _l("API token")},
    fields={**form_field_labels(UserForm), "must_change_password": _l("Must change password"),
            "user": _l("Account"), "user_id": _l("Account")},
)
