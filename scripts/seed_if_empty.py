"""`make run`: load the demo data (`flask --app wsgi seed-demo`) when the database is empty.

Asks the database itself rather than a flag file, so a deleted or replaced database is seeded
again and one holding accounts, departments or staff is never touched. Run after `flask db upgrade`.
"""
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hrapp import create_app  # noqa: E402
from hrapp.extensions import db  # noqa: E402
from hrapp.models import Department, StaffMember, User  # noqa: E402


def main() -> int:
    app = create_app()
    with app.app_context():
        counts = {model.__tablename__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
                  for model in (User, Department, StaffMember)}
        url = db.engine.url.render_as_string(hide_password=True)
    if any(counts.values()):
        print(f"Database {url} already has data ({', '.join(f'{n} {t}' for t, n in counts.items())}); "
              "demo data not loaded.")
        return 0
    if "seed-demo" not in app.cli.commands:
        print("Database is empty and the seed-demo command is not available; "
              "create an account with `flask --app wsgi create-user`.", file=sys.stderr)
        return 0
    flask = Path(sys.executable).with_name("flask")
    return subprocess.call([str(flask), "--app", "wsgi", "seed-demo"], cwd=ROOT, env=os.environ.copy())


if __name__ == "__main__":
    sys.exit(main())
