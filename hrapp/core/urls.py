"""Redirect targets we follow: only paths on this site."""
from urllib.parse import urlsplit


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site ("/staff/", "/roster/3"), else None.

    Refuses absolute URLs, scheme-relative "//host" and backslash tricks browsers treat as "//".
    """
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target
