"""The staff module's access rules on the shared mechanism (who sees a person's file is the mechanism's
`can_view_staff`: HR all, heads their departments, everyone themselves)."""
from hrapp.models import StaffMember
from hrapp.permissions import Perm, has_perm, is_self, sees_everything


def can_edit_staff(user, staff: StaffMember | None = None) -> bool:  # noqa: ARG001
    """Only HR and administrators edit staff files (self-service has its own check)."""
    return has_perm(user, Perm.STAFF_EDIT)


def can_view_sensitive(user, staff: StaffMember) -> bool:
    """ID number and pay: HR/admin and the person themselves, never heads."""
    return sees_everything(user) or (getattr(user, "is_active", False) and is_self(user, staff))


def can_self_edit(user, staff: StaffMember) -> bool:
    """A person may edit their own phone and emergency contact."""
    return has_perm(user, Perm.SELF_SERVICE) and is_self(user, staff)


TEMPLATE_GLOBALS = {"can_edit_staff": can_edit_staff, "can_view_sensitive": can_view_sensitive,
                    "can_self_edit": can_self_edit}
