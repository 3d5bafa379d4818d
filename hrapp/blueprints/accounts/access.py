"""Who may give which role and edit which account, on the shared mechanism."""
from hrapp.models import Role
from hrapp.permissions import Perm, has_perm


def can_grant_role(user, role: Role) -> bool:
    """Account managers give any role but administrator; only an administrator makes administrators."""
    return has_perm(user, Perm.USER_MANAGE) and (role != Role.ADMIN or getattr(user, "role", None) == Role.ADMIN)


def can_manage_account(user, account) -> bool:
    """Account managers edit accounts whose role they could grant (so HR cannot edit an administrator)."""
    return can_grant_role(user, account.role)

