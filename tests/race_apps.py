"""A second app for tests that race two transactions: its own connections to a SQLite *file* (the suite's
in-memory database cannot be shared between threads) or to the suite's PostgreSQL, its tables created, a scene
written and committed by `seed()`; afterwards the rows are deleted (PostgreSQL) and the engine disposed.
`run_together` runs the racing work in threads released at the same moment.

    @pytest.fixture
    def race_app(app, tmp_path):
        with separate_app(app, tmp_path, _seed) as other:
            yield other
"""
import threading
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


def run_together(app: Flask, work: Callable[[Callable[[], object]], object], threads: int = 2) -> list:
    """Run `work(ready)` in `threads` threads, each in its own app context; every thread waits in `ready()` until
    all have reached it, then they race. Returns each thread's result, or the repr of what it raised (its
    session rolled back), in the order they finished."""
    barrier, outcomes = threading.Barrier(threads), []

    def run() -> None:
        with app.app_context():
            try:
                outcomes.append(work(barrier.wait))
            except Exception as exc:  # noqa: BLE001 - the test reports any failure as an outcome
                db.session.rollback()
                outcomes.append(repr(exc))
            finally:
                db.session.remove()

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join(timeout=60)
    return outcomes
