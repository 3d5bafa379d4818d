"""The department tree's materialised paths ("/1/4/9/": the ids from the root down), read as plain values."""


def path_ids(path: str | None) -> list[int]:
    """A materialised path "/1/4/9/" as ids, root first ("" or None: no ids)."""
    return [int(part) for part in (path or "").strip("/").split("/") if part]


def root_path(path: str) -> str:
    """The path of the top department of the tree `path` lies in ("/1/" of "/1/4/9/")."""
    return f"/{path_ids(path)[0]}/"
