"""A second app for tests that race two transactions: its own connections to a SQLite *file* (the suite's
in-memory database cannot be shared between threads) or to the suite's PostgreSQL, its tables created, a scene
written and committed by `seed()`; afterwards the rows are deleted (PostgreSQL) and the engine disposed.

    @pytest.fixture
    def race_app(app, tmp_path):
        with separate_app(app, tmp_path, _seed) as other:
            yield other
"""
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import Flask

from config import TestingConfig
from hrapp import create_app
from hrapp.extensions import db


@contextmanager
def separate_app(app: Flask, tmp_path, seed: Callable[[], None]) -> Iterator[Flask]:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if sa.make_url(uri).get_backend_name() == "sqlite":
        uri = f"sqlite:///{tmp_path / 'race.sqlite'}"
    other = create_app(type("RaceConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": uri}))
    with other.app_context():
        db.create_all()
        seed()
        db.session.commit()
        db.session.remove()
    try:
        yield other
    finally:
        with other.app_context():
            db.session.remove()
            if other.config["SQLALCHEMY_DATABASE_URI"] == app.config["SQLALCHEMY_DATABASE_URI"]:
                with db.engine.begin() as conn:
                    for table in reversed(db.metadata.sorted_tables):
                        conn.execute(table.delete())
            db.engine.dispose()
