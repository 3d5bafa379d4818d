"""Who may manage an API token: its owner only (HR and administrators revoke others' with the CLI)."""
from hrapp.models import ApiToken


def can_manage_api_token(user, token: ApiToken) -> bool:
    """A logged-in user may see, name and revoke their own tokens, nobody else's."""
    return bool(getattr(user, "is_authenticated", False)) and token.user_id == getattr(user, "id", None)
