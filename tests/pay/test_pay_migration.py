"""The pay-history migration carries each person's current pay over into a first pay record.

Runs the real migrations in a subprocess on a separate database (as tests/test_migrations.py does):
up to the pay migration, one step back, three staff rows written with the old schema, then up again.
"""
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from tests.test_migrations import empty_database  # noqa: F401  (the fixture: a new, empty database)

ROOT = Path(__file__).resolve().parents[2]
PAY_REVISION = "83fbd9632aaf"

DRIVER = """
import json, sys
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from hrapp import create_app
from hrapp.extensions import db

app = create_app()
with app.app_context():
    upgrade(revision=sys.argv[1])
    downgrade(revision="-1")
    with db.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO departments (code, name, name_en, path, planned_headcount, version_id, "
                             "created_at, updated_at) VALUES ('D', 'd', '', '/1/', 0, 1, '2026-01-01', '2026-01-01')"))
        dept = conn.execute(sa.text("SELECT id FROM departments")).scalar()
        for number, monthly, daily in (("A1", "4350.00", "200.00"), ("A2", "4350.00", "210.00"), ("A3", "0", "0")):
            conn.execute(sa.text(
                "INSERT INTO staff_members (staff_number, name_zh, name_en, gender, id_number, phone, email, "
                "department_id, hire_on, status, monthly_base_amount, daily_wage_amount, emergency_contact_name, "
                "emergency_contact_phone, notes, version_id, created_at, updated_at) VALUES (:n, 'x', '', 'male', "
                "'', '', '', :d, '2020-01-05', 'active', :m, :w, '', '', '', 1, '2026-01-01', '2026-01-01')"),
                {"n": number, "d": dept, "m": monthly, "w": daily})
    upgrade(revision=sys.argv[1])
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT s.staff_number, p.effective_on, p.monthly_wage_amount, p.daily_wage_amount "
            "FROM pay_rates p JOIN staff_members s ON s.id = p.staff_id ORDER BY s.staff_number")).all()
    db.engine.dispose()
print(json.dumps([[str(v) if v is not None else None for v in row] for row in rows]))
"""


def test_current_pay_becomes_the_first_pay_record(empty_database):  # noqa: F811
    env = os.environ | {"DATABASE_URL": empty_database, "HRAPP_CONFIG": "testing"}
    proc = subprocess.run([sys.executable, "-c", DRIVER, PAY_REVISION], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
    rows = [(number, on, Decimal(monthly), None if daily is None else Decimal(daily))
            for number, on, monthly, daily in json.loads(proc.stdout.strip().splitlines()[-1])]
    assert rows == [
        ("A1", "2020-01-05", Decimal("4350.00"), None),              # 4350 / 21.75 = 200.00: derived
        ("A2", "2020-01-05", Decimal("4350.00"), Decimal("210.00")),  # kept as an explicit daily wage
        ("A3", "2020-01-05", Decimal("0.00"), None),
    ]
