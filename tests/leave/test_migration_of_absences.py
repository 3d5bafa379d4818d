"""The roster's absences become leave requests: on a scratch SQLite database, Alembic upgrades to the revision
before leave (1648529aef9a), two absences are written with plain SQL (an approved annual leave, an unapproved sick
leave), the leave revision (83eab1f01880) turns them into leave requests of the right types, statuses and days,
and one step down brings the absences back.

The `flask db` commands run in one subprocess, as in tests/test_migrations.py (Alembic's env.py reconfigures
logging, which must not leak into the other tests)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BEFORE, LEAVE = "1648529aef9a", "83eab1f01880"

DRIVER = """
import json, sys
import sqlalchemy as sa
from hrapp import create_app
from hrapp.extensions import db

before, leave = sys.argv[1], sys.argv[2]
app = create_app()
runner = app.test_cli_runner()
out = {}

def run(*args):
    result = runner.invoke(args=["db", *args])
    assert result.exit_code == 0, (args, result.output, result.exception)

def rows(sql):
    with app.app_context(), db.engine.connect() as conn:
        return [list(r) for r in conn.execute(sa.text(sql))]

run("upgrade", before)
with app.app_context(), db.engine.begin() as conn:
    now = "2026-05-01 08:00:00"
    conn.execute(sa.text("INSERT INTO departments (id, code, name, name_en, path, planned_headcount, version_id, "
                         "created_at, updated_at) VALUES (1, 'FO', '前厅部', '', '/1/', 0, 1, :now, :now)"), {"now": now})
    conn.execute(sa.text(
        "INSERT INTO staff_members (id, staff_number, name_zh, name_en, gender, id_number, phone, email, department_id,"
        " hire_on, status, daily_wage_amount, monthly_base_amount, emergency_contact_name, emergency_contact_phone,"
        " notes, version_id, created_at, updated_at) VALUES (1, 'E1', '张三', '', 'female', '110101199001011234',"
        " '', '', 1, '2020-03-01', 'active', 200, 4500, '', '', '', 1, :now, :now)"), {"now": now})
    conn.execute(sa.text(
        "INSERT INTO absences (staff_id, starts_on, ends_on, kind, approved, note, created_at, updated_at) VALUES "
        "(1, '2026-05-11', '2026-05-13', 'annual', 1, '探亲', :now, :now), "
        "(1, '2026-05-20', '2026-05-20', 'sick', 0, '', :now, :now)"), {"now": now})
run("upgrade", leave)
out["requests"] = rows("SELECT t.code, r.status, r.days, r.starts_on, r.ends_on, r.reason, r.department_id "
                       "FROM leave_requests r JOIN leave_types t ON t.id = r.leave_type_id ORDER BY r.starts_on")
run("downgrade", before)
out["absences"] = rows("SELECT kind, approved, starts_on, ends_on FROM absences ORDER BY starts_on")
with app.app_context():
    out["tables"] = sorted(sa.inspect(db.engine).get_table_names())
    db.engine.dispose()
print(json.dumps(out, default=str))
"""


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> dict:
    url = f"sqlite:///{tmp_path_factory.mktemp('absences') / 'scratch.sqlite'}"
    env = os.environ | {"DATABASE_URL": url, "HRAPP_CONFIG": "testing"}
    proc = subprocess.run([sys.executable, "-c", DRIVER, BEFORE, LEAVE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, f"migration driver failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_absences_become_leave_requests(migrated):
    assert [row[:5] for row in migrated["requests"]] == [
        ["annual", "approved", 3, "2026-05-11", "2026-05-13"],
        ["sick", "pending", 1, "2026-05-20", "2026-05-20"],
    ]
    assert migrated["requests"][0][5] == "探亲" and {row[6] for row in migrated["requests"]} == {1}


def test_one_step_down_brings_the_absences_back(migrated):
    assert migrated["absences"] == [["annual", 1, "2026-05-11", "2026-05-13"], ["sick", 0, "2026-05-20", "2026-05-20"]]
    assert "absences" in migrated["tables"] and "leave_requests" not in migrated["tables"]
