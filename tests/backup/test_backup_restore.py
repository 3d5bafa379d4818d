"""`flask backup` / `flask restore`: a backup taken while another thread keeps committing restores into an
empty instance (a second app with its own database file, key and file folders) with every record committed
before it started, every signed document (still verifying) and every stored file; damaged, altered or
newer archives and non-empty instances are refused."""
import io
import tarfile
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.backup.archive import BackupError
from hrapp.blueprints.backup.services import check_revision
from hrapp.blueprints.reports import checking
from hrapp.blueprints.reports.services import ensure_demo_pki, issue_document
from hrapp.blueprints.reports.types import report_type
from hrapp.core.attachments import attach_file, file_store, owner_for
from hrapp.extensions import db
from hrapp.models import Department, Gender, IssuedDocument, Role, StaffMember, User
from tests.attachments.conftest import PNG

pytestmark = pytest.mark.committed


def _instance(base: Path):
    """An app on its own SQLite file, key folder and file folder under `base`."""
    base.mkdir(parents=True, exist_ok=True)
    config = type("BackupTestConfig", (TestingConfig,), {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{base / 'hrapp.sqlite'}",
        "PKI_DIR": str(base / "pki"), "ATTACHMENTS_DIR": str(base / "attachments")})
    return create_app(config)


def _migrated(app) -> str:
    """Build the schema and stamp it with the migration head, as `flask db upgrade` leaves it."""
    alembic = AlembicConfig()
    alembic.set_main_option("script_location", app.extensions["migrate"].directory)
    head = ScriptDirectory.from_config(alembic).get_current_head()
    with app.app_context():
        db.create_all()
        with db.engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
            conn.execute(sa.text("INSERT INTO alembic_version VALUES (:v)"), {"v": head})
    return head


def _seed(app) -> tuple[str, str]:
    """A department, a staff member with a signed staff card and an attached scan: (document number, file hash)."""
    with app.app_context():
        dept = Department(code="FO", name="前厅部", name_en="Front office")
        hr = User(username="hr", password_hash="x", role=Role.HR)
        staff = StaffMember(staff_number="S00001", name_zh="张三", gender=Gender.FEMALE, birth_on=date(1990, 1, 1),
                            hire_on=date(2020, 3, 1), id_number="110101199001010010", department=dept,
                            daily_wage_amount=Decimal("200.00"), monthly_base_amount=Decimal("4500.00"))
        db.session.add_all([dept, hr, staff])
        db.session.commit()
        ensure_demo_pki()
        doc = issue_document(report_type("staff_card"), staff, hr)
        attachment = attach_file(owner_for("staff"), staff, io.BytesIO(PNG), "scan.png", hr)
        db.session.commit()
        number, sha256 = doc.number, attachment.sha256
        db.session.remove()
        db.engine.dispose()
    return number, sha256


def _cli(app, args):
    """Run a command on `app` (its own context: the session app's is open around every test)."""
    with app.app_context():
        result = app.test_cli_runner().invoke(args=args)
        db.engine.dispose()
    return result


class Writer(threading.Thread):
    """Commits one department after another until stopped; `committed` lists the codes whose commit returned."""

    def __init__(self, app):
        super().__init__(daemon=True)
        self.app, self.committed, self.stop, self.error = app, [], threading.Event(), None
        self.enough = threading.Event()

    def run(self):
        try:
            with self.app.app_context():
                i = 0
                while not self.stop.is_set():
                    i += 1
                    db.session.add(Department(code=f"W{i}", name=f"写入{i}"))
                    db.session.commit()
                    self.committed.append(f"W{i}")
                    if i >= 30:
                        self.enough.set()
                db.session.remove()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self.error = exc
            self.enough.set()


@pytest.fixture
def source(tmp_path):
    app = _instance(tmp_path / "live")
    head = _migrated(app)
    number, sha256 = _seed(app)
    return app, head, number, sha256


def test_backup_while_writing_restores_everything_into_an_empty_instance(source, tmp_path):
    app, head, number, sha256 = source
    archive = tmp_path / "backup.tar.gz"
    writer = Writer(app)
    writer.start()
    assert writer.enough.wait(60) and writer.error is None, writer.error
    before = list(writer.committed)
    result = _cli(app, ["backup", str(archive)])
    during = len(writer.committed)
    writer.stop.set()
    writer.join(30)
    assert result.exit_code == 0, result.output
    assert writer.error is None and len(writer.committed) > len(before)  # writes went on around the backup
    assert during >= len(before)

    target = _instance(tmp_path / "restored")
    restored = _cli(target, ["restore", str(archive)])
    assert restored.exit_code == 0, restored.output
    assert "db upgrade" in restored.output
    with target.app_context():
        codes = set(db.session.scalars(sa.select(Department.code)))
        assert set(before) <= codes
        assert db.session.scalar(sa.text("SELECT version_num FROM alembic_version")) == head
        doc = db.session.scalar(sa.select(IssuedDocument).where(IssuedDocument.number == number))
        verdict = checking.verify_upload(doc.pdf)
        assert verdict.genuine, verdict.problems
        assert file_store().path_for(sha256).read_bytes() == PNG
        assert Path(target.config["PKI_DIR"], "root.pem").is_file()
        db.session.remove()
        db.engine.dispose()


def test_restore_refuses_a_non_empty_instance_unless_forced(source, tmp_path):
    app, _head, _number, _sha = source
    archive = tmp_path / "b.tar.gz"
    assert _cli(app, ["backup", str(archive)]).exit_code == 0
    refused = _cli(app, ["restore", str(archive)])
    assert refused.exit_code != 0 and "not empty" in refused.output
    forced = _cli(app, ["restore", "--force", str(archive)])
    assert forced.exit_code == 0, forced.output


def _members(archive: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(archive, "r:gz") as tar:
        return [(m, tar.extractfile(m).read()) for m in tar]


def _rewrite(archive: Path, members, target: Path) -> Path:
    with tarfile.open(target, "w:gz") as tar:
        for info, data in members:
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


@pytest.mark.parametrize("damage, message", [
    ("altered_file", "checksum mismatch"),
    ("truncated", "damaged"),
    ("not_gzip", "damaged"),
    ("extra_member", "does not list"),
    ("newer_head", "newer version"),
])
def test_a_damaged_altered_or_newer_archive_is_refused(source, tmp_path, damage, message):
    app = source[0]
    archive = tmp_path / "good.tar.gz"
    assert _cli(app, ["backup", str(archive)]).exit_code == 0
    bad = tmp_path / "bad.tar.gz"
    members = _members(archive)
    if damage == "altered_file":
        info, data = next((i, d) for i, d in members if i.name.startswith("attachments/"))
        members[members.index((info, data))] = (info, data[:-1] + bytes([data[-1] ^ 1]))
        _rewrite(archive, members, bad)
    elif damage == "truncated":
        bad.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "not_gzip":
        bad.write_bytes(b"PK\x03\x04 not a backup")
    elif damage == "extra_member":
        members.append((tarfile.TarInfo("pki/extra.key"), b"sneaked in"))
        _rewrite(archive, members, bad)
    else:
        manifest_info, manifest = members[0]
        members[0] = (manifest_info, manifest.replace(source[1].encode(), b"ffffffffffff"))
        _rewrite(archive, members, bad)
    target = _instance(tmp_path / "empty")
    result = _cli(target, ["restore", str(bad)])
    assert result.exit_code != 0
    assert message in result.output
    assert not (tmp_path / "empty" / "hrapp.sqlite").exists()  # nothing was written
    assert not (tmp_path / "empty" / "attachments").exists()


def test_backup_of_an_in_memory_database_is_refused(runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "x.tar.gz")])
    assert result.exit_code != 0
    assert "in memory" in result.output or "pg_dump" in result.output


def test_an_older_schema_is_accepted_and_an_unknown_one_refused(app):
    alembic = AlembicConfig()
    alembic.set_main_option("script_location", app.extensions["migrate"].directory)
    head = ScriptDirectory.from_config(alembic).get_revision("head")
    check_revision(head.down_revision)  # `flask db upgrade` brings it forward after the restore
    check_revision(head.revision)
    with pytest.raises(BackupError, match="newer version"):
        check_revision("0123456789ab")
