"""Who may open a notification."""


def owns_notification(user, notification) -> bool:
    """A notification is for its recipient only."""
    return getattr(user, "is_active", False) and notification.user_id == getattr(user, "id", None)
