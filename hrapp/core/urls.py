"""What we accept from URLs: redirect targets that are paths on this site, and ids the database can hold."""
from urllib.parse import urlsplit

from werkzeug.routing import IntegerConverter

# The largest value of the database's INTEGER primary keys (PostgreSQL's int4; SQLite's is wider).
DB_INT_MAX = 2**31 - 1


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site ("/staff/", "/roster/3"), else None.

    Refuses absolute URLs, scheme-relative "//host", backslash tricks browsers treat as "//", and control
    characters (a CR/LF would otherwise end up in the Location header).
    """
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def db_int(value: object) -> int:
    """`value` as an int the database's integer columns can hold; ValueError otherwise.

    For `request.args.get(name, type=db_int)`: a number out of range is then ignored like any other junk.
    """
    number = int(str(value))
    if not -DB_INT_MAX - 1 <= number <= DB_INT_MAX:
        raise ValueError(value)
    return number


def in_db_range(number: int | None) -> bool:
    """Whether `number` fits the database's integer columns (a lookup with a larger one cannot match)."""
    return number is not None and -DB_INT_MAX - 1 <= number <= DB_INT_MAX


class DatabaseIntConverter(IntegerConverter):
    """The `int` URL converter, bounded to the database's integer range: `/staff/99999999999999999999` is a
    plain 404 (no route matches) instead of an overflow inside the database driver."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 - werkzeug's signature
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(map, *args, **kwargs)
