"""Who may use a person's ledger: HR (ConductPerm.LEDGER) for the people they may see; nobody resolves their
own month."""
from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.models import StaffMember
from hrapp.permissions import can_view_staff, has_perm, is_self


def can_view_ledger_of(user, staff: StaffMember) -> bool:
    """See `staff`'s months on the ledger: the ledger permission and `staff` in the user's scope."""
    return has_perm(user, ConductPerm.LEDGER) and can_view_staff(user, staff)


def can_resolve_ledger_of(user, staff: StaffMember) -> bool:
    """Adjust, defer or override `staff`'s flagged month: as `can_view_ledger_of`, never one's own."""
    return can_view_ledger_of(user, staff) and not is_self(user, staff)
