"""Who reads the security log: administrators only, on the shared mechanism."""
from enum import StrEnum

from hrapp.models import Role
from hrapp.permissions import has_perm


class SecurityPerm(StrEnum):
    SECURITY_LOG_VIEW = "security_log.view"


GRANTS = {Role.ADMIN: frozenset({SecurityPerm.SECURITY_LOG_VIEW})}


def can_view_security_log(user) -> bool:
    """Administrators read the security log."""
    return has_perm(user, SecurityPerm.SECURITY_LOG_VIEW)
