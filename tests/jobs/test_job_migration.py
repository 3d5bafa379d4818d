"""The shared-jobs migration keeps the bulk issuing jobs of `report_jobs`, both ways.

Runs in a subprocess on a new database of the backend under test (as tests/test_migrations.py
does): migrate to the revision before this one, add a report job, upgrade, read it from `jobs`,
add a job (its id must follow the copied ones), downgrade, read it back from `report_jobs`.
"""
import json
import os
import subprocess
import sys

from tests.test_migrations import ROOT, empty_database  # noqa: F401 - the fixture, reused

REVISION = "ca7267c79426"
DRIVER = """
import json, sys
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from hrapp import create_app
from hrapp.extensions import db

REVISION = sys.argv[1]
app = create_app()
out = {}
with app.app_context():
    upgrade(revision=f"{REVISION}-1")
    with db.engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO departments (id, code, name, name_en, path, planned_headcount, version_id, created_at,"
            " updated_at) VALUES (1, 'FO', '前厅部', 'Front office', '/1/', 0, 1, '2026-01-01', '2026-01-01')"))
        conn.execute(sa.text(
            "INSERT INTO report_jobs (id, kind, status, department_id, params, total, done, failed, message,"
            " created_at) VALUES (7, 'staff_card', 'done', 1, '{\\"include_subdepartments\\": true}', 3, 2, 1,"
            " 'S1: broken', '2026-01-01 08:00:00')"))
    upgrade()
    with db.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO jobs (name, status, params, label, total, done, failed, message,"
                             " created_at) VALUES ('x', 'queued', '{}', '', 0, 0, 0, '', '2026-01-02')"))
        out["jobs"] = [list(r) for r in conn.execute(sa.text(
            "SELECT id, name, status, params, label, total, done, failed, message FROM jobs ORDER BY id"))]
    downgrade(revision=f"{REVISION}-1")
    with db.engine.begin() as conn:
        out["report_jobs"] = [list(r) for r in conn.execute(sa.text(
            "SELECT id, kind, status, department_id, params, total, done, failed, message FROM report_jobs"))]
    db.engine.dispose()
print(json.dumps(out, default=str))
"""


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def test_report_jobs_move_into_jobs_and_back(empty_database):  # noqa: F811 - pytest fixture
    env = os.environ | {"DATABASE_URL": empty_database, "HRAPP_CONFIG": "testing"}
    proc = subprocess.run([sys.executable, "-c", DRIVER, REVISION], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    (moved_id, name, status, params, label, *counters, message), (new_id, *_) = out["jobs"]
    assert (moved_id, name, status, label, counters, message) == (
        7, "reports.bulk_issue", "done", "前厅部", [3, 2, 1], "S1: broken")
    assert _json(params) == {"include_subdepartments": True, "kind": "staff_card", "department_id": 1}
    assert new_id == 8
    [(back_id, kind, status, department_id, params, *rest)] = out["report_jobs"]
    assert (back_id, kind, status, department_id, rest) == (7, "staff_card", "done", 1, [3, 2, 1, "S1: broken"])
    assert _json(params) == {"include_subdepartments": True}
