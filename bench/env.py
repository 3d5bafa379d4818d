"""What benchmarks run against: apps on temporary SQLite files, migrated with Flask-Migrate, optionally seeded."""
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade

from config import BASE_DIR, Config
from hrapp import create_app

MIGRATIONS_DIR = BASE_DIR / "migrations"
BENCH_PASSWORD = "Bench-Password-2026"
SEED = 1


class BenchConfig(Config):
    """Production-like (real scrypt password hashing, a file database) but without CSRF and login throttling."""

    TESTING = False
    SECRET_KEY = "bench-only"
    WTF_CSRF_ENABLED = False
    LOGIN_RATE_LIMIT = "100000 per minute"

    def __init__(self, database_path: Path):
        self.SQLALCHEMY_DATABASE_URI = f"sqlite:///{database_path}"


class BenchContext:
    """Shared by every benchmark of one run: a scratch directory and the seeded apps made so far."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self._seeded: dict[int, Flask] = {}

    def new_app(self, name: str) -> Flask:
        """An app on a new, empty, fully migrated SQLite file `<workdir>/<name>.sqlite`."""
        path = self.workdir / f"{name}.sqlite"
        path.unlink(missing_ok=True)
        app = create_app(BenchConfig(path))
        with app.app_context():
            upgrade(directory=str(MIGRATIONS_DIR))
        return app

    def seed(self, app: Flask, staff: int):
        """Run the real `flask seed-demo` command on `app` (all accounts get BENCH_PASSWORD).

        :raise RuntimeError: the command failed.
        """
        result = app.test_cli_runner().invoke(args=[
            "seed-demo", "--staff", str(staff), "--seed", str(SEED), "--password", BENCH_PASSWORD])
        if result.exit_code != 0:
            raise RuntimeError(f"seed-demo failed ({result.exit_code}): {result.output}") from result.exception
        self._seeded[staff] = app
        return result

    def seeded_app(self, staff: int) -> Flask:
        """An app whose database holds the demo company with `staff` staff (seeded once per run)."""
        if staff not in self._seeded:
            self.seed(self.new_app(f"seeded_{staff}"), staff)
        return self._seeded[staff]
