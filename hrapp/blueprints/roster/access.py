"""Object checks of the roster pages, composed only from hrapp.permissions (the one access mechanism)."""
from hrapp.permissions import can_answer_swap, can_cancel_swap, can_decide_swap


def can_view_swap(user, swap) -> bool:
    """The requester, the partner and whoever may decide it (the roster's heads, HR)."""
    return can_answer_swap(user, swap) or can_cancel_swap(user, swap) or can_decide_swap(user, swap)


def owns_notification(user, notification) -> bool:
    """A notification is for its recipient only."""
    return getattr(user, "is_active", False) and notification.user_id == getattr(user, "id", None)


def local_link(link: str) -> str | None:
    """`link` if it is a path on this site (notifications store "/roster/..."), else None."""
    if link and link.startswith("/") and not link.startswith("//") and "\\" not in link:
        return link
    return None
