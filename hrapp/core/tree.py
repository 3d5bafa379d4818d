"""The department tree's materialised paths ("/1/4/9/": the ids from the root down), read as plain values."""


def path_ids(path: str | None) -> list[int]:
    """A materialised path "/1/4/9/" as ids, root first ("" or None: no ids)."""
    return [int(part) for part in (path or "").strip("/").split("/") if part]
