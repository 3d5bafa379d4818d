"""Human references of conduct records: "V2026-000123" for violations, "R2026-000045" for rewards.

The next number is the year's highest plus one, read in the writer's transaction; the unique constraint on the
column refuses a racing twin (the loser is answered through hrapp.core.uniqueness with the normal message).
"""
import sqlalchemy as sa

from hrapp.extensions import db

WIDTH = 6


def next_number(model, prefix: str, year: int) -> str:
    """The next free reference of `model` (which has a `number` column) for `year`, e.g. "V2026-000124"."""
    stem = f"{prefix}{year}-"
    last = db.session.scalar(sa.select(sa.func.max(model.number)).where(model.number.startswith(stem)))
    sequence = int(last[len(stem):]) + 1 if last else 1
    return f"{stem}{sequence:0{WIDTH}d}"
