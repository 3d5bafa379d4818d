"""The migrations build exactly the schema the models describe (`flask db upgrade` + `flask db check`)
on an empty database of the backend under test, and can be undone and replayed.

The `flask db` commands run in one subprocess (importing the app costs seconds), as an operator
would run them: Alembic's env.py reconfigures logging, which must not leak into the other tests.
The database is a separate one (a temporary SQLite file, or a fresh PostgreSQL database on the
DATABASE_URL server), because the session app's database is built with create_all.
"""
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent

# Runs in the subprocess: each step is the real `flask db ...` command (Click), stopping at the
# first failure; prints one JSON list of {step, exit_code, output, tables}.
DRIVER = """
import json, sys
import sqlalchemy as sa
from hrapp import create_app
from hrapp.extensions import db

app = create_app()
runner = app.test_cli_runner()
results = []
for step in json.loads(sys.argv[1]):
    result = runner.invoke(args=["db", *step])
    output = result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        import traceback
        output += "".join(traceback.format_exception(result.exception))
    with app.app_context():
        tables = sorted(set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"})
        db.engine.dispose()
    results.append({"step": " ".join(step), "exit_code": result.exit_code, "output": output, "tables": tables})
    if result.exit_code != 0:
        break
print(json.dumps(results))
"""
STEPS = [["upgrade"], ["check"], ["downgrade", "base"], ["upgrade"]]


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    """The URL of a new, empty database on the current backend; dropped afterwards."""
    base = os.environ.get("DATABASE_URL")
    if not base or make_url(base).get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('migrations') / 'empty.sqlite'}"
        return
    url = make_url(base)
    name = f"hrapp_migr_{uuid.uuid4().hex[:10]}"
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture(scope="module")
def steps(empty_database) -> dict[str, dict]:
    """upgrade, check, downgrade base, upgrade: the results by position and step name."""
    env = os.environ | {"DATABASE_URL": empty_database, "HRAPP_CONFIG": "testing"}
    proc = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(STEPS)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"migration driver crashed:\n{proc.stdout}\n{proc.stderr}"
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    return {i: r for i, r in enumerate(results)}


def step(steps: dict, index: int) -> dict:
    if index not in steps:
        failed = steps[max(steps)]
        pytest.fail(f"not run because an earlier step failed: {explain(failed)}")
    return steps[index]


NOISE = ("setting up autogenerate plugin", "assuming SERIAL and omitting", "Context impl", "Will assume")


def explain(result: dict) -> str:
    lines = [line if len(line) < 400 else line[:400] + " [...]"
             for line in result["output"].splitlines() if not any(n in line for n in NOISE)]
    return f"`flask db {result['step']}` exited {result['exit_code']}:\n" + "\n".join(lines)


def test_upgrade_builds_the_models_schema(steps):
    upgrade = step(steps, 0)
    assert upgrade["exit_code"] == 0, explain(upgrade)
    assert upgrade["tables"], "upgrade created no tables"
    # `flask db check` compares the migrated schema with the models, as autogenerate would.
    check = step(steps, 1)
    assert check["exit_code"] == 0, \
        "the models and the migrations differ (run `flask --app wsgi db migrate`):\n" + explain(check)


def test_downgrade_to_base_and_upgrade_again(steps):
    downgrade = step(steps, 2)
    assert downgrade["exit_code"] == 0, explain(downgrade)
    assert downgrade["tables"] == [], f"tables left after downgrading to base: {downgrade['tables']}"
    again = step(steps, 3)
    assert again["exit_code"] == 0, explain(again)
    assert again["tables"] == step(steps, 0)["tables"]
