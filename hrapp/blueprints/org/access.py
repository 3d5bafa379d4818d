"""Who may read job descriptions, on the shared mechanism: organisation viewers read every version; a staff
member reads the approved description of their own position (their duties), read-only."""
from hrapp.models import JobDescription, JobDescriptionStatus, Position
from hrapp.permissions import Perm, has_perm


def holds_position(user, position: Position) -> bool:
    """Whether `position` is the active user's own (their staff record's) position."""
    staff = getattr(user, "staff", None)
    return bool(getattr(user, "is_active", False)) and staff is not None and staff.position_id == position.id


def can_read_job_description(user, position: Position) -> bool:
    """Organisation viewers: any position's description; everyone else: their own position's."""
    return has_perm(user, Perm.ORG_VIEW) or holds_position(user, position)


def can_view_description(user, description: JobDescription) -> bool:
    """Organisation viewers: every version, drafts included; the position's holders: the approved version."""
    if has_perm(user, Perm.ORG_VIEW):
        return True
    return description.status == JobDescriptionStatus.APPROVED and holds_position(user, description.position)


TEMPLATE_GLOBALS = {"can_read_job_description": can_read_job_description}
