"""Lost races answer like ordinary duplicates.

A service checks for a duplicate before it inserts ("This staff number is already used."), but two requests
can both pass that check; the database's unique constraint then refuses the second at flush or commit. The
module that owns the constraint declares, once, which field and message it means:

    unique_field("uq_staff_members_staff_number", "staff_number", MESSAGES["duplicate_number"])

and a view wraps its service call and commit in `duplicates_refused()`: an IntegrityError from a declared
constraint is rolled back and raised as the same `ValidationFailed` the pre-check gives, so the form comes
back with the message. The app-wide handler (hrapp.errors) answers any IntegrityError that still escapes with
a 409, never a 500; the API answers 409 with the same field message.

Constraints are named by the naming convention (hrapp.extensions); SQLite reports the table and columns
instead of a name, so both are matched against the declared constraint's columns in the metadata.
"""
import re
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db

_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)$")


@dataclass(frozen=True)
class UniqueRule:
    """What a violation of `constraint` means to a user: `message` on `field`."""

    constraint: str
    field: str
    message: object


_RULES: dict[str, UniqueRule] = {}


def unique_field(constraint: str, field: str, message) -> UniqueRule:
    """Declare that a violation of `constraint` is the duplicate `message` (may be lazy) on form `field`."""
    rule = UniqueRule(constraint, field, message)
    _RULES[constraint] = rule
    return rule


def violated_constraint(exc: IntegrityError) -> str | None:
    """The name of the unique constraint `exc` reports (PostgreSQL names it, SQLite names its columns)."""
    orig = getattr(exc, "orig", None)
    name = getattr(getattr(orig, "diag", None), "constraint_name", None)
    if name:
        return name
    match = _SQLITE_UNIQUE.search(str(orig))
    if not match:
        return None
    failed = match.group(1).strip()
    if failed.startswith("index "):
        return failed.removeprefix("index ").strip("'\"")
    columns = [part.strip() for part in failed.split(",")]
    return _constraint_on(columns)


def _constraint_on(qualified_columns: list[str]) -> str | None:
    """The unique constraint or index whose columns are exactly `table.column, ...`."""
    tables = {c.partition(".")[0] for c in qualified_columns}
    if len(tables) != 1:
        return None
    table = db.metadata.tables.get(tables.pop())
    if table is None:
        return None
    wanted = [c.partition(".")[2] for c in qualified_columns]
    candidates = [c for c in table.constraints if isinstance(c, sa.UniqueConstraint)]
    candidates += [i for i in table.indexes if i.unique]
    for candidate in candidates:
        if [col.name for col in candidate.columns] == wanted:
            return candidate.name
    return None


def duplicate_rule(exc: IntegrityError) -> UniqueRule | None:
    """The declared rule `exc` broke, or None (not a unique violation, or nobody declared what it means)."""
    name = violated_constraint(exc)
    return _RULES.get(name) if name else None


def duplicate_failure(exc: IntegrityError) -> ValidationFailed | None:
    """The `ValidationFailed` a lost race means, or None when the constraint is not declared."""
    rule = duplicate_rule(exc)
    return ValidationFailed.single(rule.field, rule.message) if rule else None


@contextmanager
def duplicates_refused(failure_class: type[ValidationFailed] = ValidationFailed):
    """Run a service call and its commit; a declared unique constraint refusing it is rolled back and raised
    as `failure_class` (the service's own error type, so the view's existing `except` shows it). Any other
    IntegrityError is rolled back and re-raised (the app answers it with a 409)."""
    try:
        yield
    except IntegrityError as exc:
        db.session.rollback()
        failure = duplicate_failure(exc)
        if failure is None:
            raise
        raise failure_class(failure.errors) from exc
