"""Inserting many plain rows fast: the one place that goes below SQLAlchemy's per-row parameter processing.

`insert_rows(table, rows)` writes dicts (column name -> Python value) in one executemany. On SQLite it converts
the values itself, exactly as SQLAlchemy's SQLite types store them (dates and times as ISO text with
microseconds, booleans as 0/1, enums by value, JSON as text, decimals as floats), and hands them to the driver: SQLAlchemy's
per-row bind processing costs more than the insert itself at a hundred thousand rows. Other databases take the
ordinary Core executemany (batched VALUES already). Only the column types below are converted; any other
type is refused so nothing is stored differently from the ORM.
"""
import enum
import json
from collections.abc import Callable, Sequence

import sqlalchemy as sa

from hrapp.extensions import db

_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DATETIME storage format


def _json(value) -> str:
    return "[]" if value == [] else json.dumps(value)


def _enum_value(value):
    return value.value if isinstance(value, enum.Enum) else value


def _sqlite_converter(column: sa.Column) -> Callable | None:
    """How a value of `column` is stored on SQLite (None: as it is)."""
    kind = column.type
    if isinstance(kind, sa.JSON):
        return _json
    if isinstance(kind, sa.DateTime):
        return lambda value: value.strftime(_SQLITE_DATETIME)
    if isinstance(kind, sa.Date):
        return lambda value: value.isoformat()
    if isinstance(kind, sa.Boolean):
        return int
    if isinstance(kind, sa.Enum):
        return _enum_value
    if isinstance(kind, sa.Integer | sa.String | sa.Text):
        return None
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return float  # SQLite has no decimal type: SQLAlchemy binds Numeric as a float (to_float)
    raise TypeError(f"insert_rows does not convert {column.name}'s type {kind!r}")


def insert_rows(table: sa.Table, rows: Sequence[dict]) -> None:
    """Insert `rows` (all with the same keys) into `table` in the session's transaction. Never commits."""
    if not rows:
        return
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        connection.execute(table.insert(), list(rows))
        return
    names = list(rows[0])
    converters = [_sqlite_converter(table.c[name]) for name in names]
    statement = (f"INSERT INTO {table.name} ({', '.join(names)}) "
                 f"VALUES ({', '.join('?' for _ in names)})")
    columns = []
    for name, convert in zip(names, converters, strict=True):
        column = [row[name] for row in rows]
        columns.append(column if convert is None else [v if v is None else convert(v) for v in column])
    connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))
