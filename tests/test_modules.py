"""A module is a package plus one line: the fictitious package in tests/modules/fictitious brings a route,
a permission grant, a nav entry, a report type and a notification kind, and the app picks them all up from
its MODULE record once its name is added to the module list — no other file knows it."""
import pytest
import sqlalchemy as sa

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.reports.services import ensure_demo_pki
from hrapp.extensions import db
from hrapp.models import IssuedDocument, Notification, Role
from tests.conftest import PASSWORD


@pytest.fixture
def modular(tmp_path):
    """An app whose module list has one more line; its own SQLite file and PKI, whatever the suite's backend."""

    class WithFictitious(TestingConfig):
        MODULES = (*TestingConfig.MODULES, "tests.modules.fictitious")
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'modular.sqlite'}"
        PKI_DIR = str(tmp_path / "pki")

    app = create_app(WithFictitious)
    with app.app_context():
        db.create_all()
        ensure_demo_pki()
        department = save_department(None, None, "FX", "徽章部", "Badges", None, 5)
        for username, role in (("hr", Role.HR), ("head", Role.HEAD), ("staff", Role.STAFF)):
            create_user(username, PASSWORD, role, None, departments=[department] if role == Role.HEAD else None,
                        must_change_password=False)
        db.session.commit()
        department_id = department.id
    yield app, department_id
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _login(client, username):
    assert client.post("/auth/login", data={"identifier": username, "password": PASSWORD}).status_code == 302


def test_fictitious_module_route_grant_nav_and_notification_kind(modular):
    app, _ = modular
    client = app.test_client()
    _login(client, "hr")
    assert 'id="nav-badges"' in client.get("/").get_data(as_text=True)  # its nav entry, for the granted role
    assert client.get("/fictitious/").get_data(as_text=True) == "fictitious badges"
    with app.app_context():
        note = db.session.scalar(sa.select(Notification))
        assert note.kind == "fictitious.ping"
    assert "Ping" in client.get("/notifications/").get_data(as_text=True)  # the kind's label
    for username in ("head", "staff"):  # roles without the module's grant
        other = app.test_client()
        _login(other, username)
        assert other.get("/fictitious/").status_code == 403
        assert 'id="nav-badges"' not in other.get("/").get_data(as_text=True)


def test_fictitious_report_type_through_the_generic_route_and_cli(modular):
    app, department_id = modular
    client = app.test_client()
    _login(client, "hr")
    url = f"/reports/issue/badge/{department_id}"
    assert client.get(url).status_code == 200
    location = client.post(url).headers["Location"]
    with app.app_context():
        doc = db.session.scalar(sa.select(IssuedDocument))
        assert doc.kind == "fictitious_badge" and doc.number.startswith("FB-") and doc.signatures
    assert location.endswith(f"/reports/documents/{doc.id}")
    assert doc.number in client.get("/reports/").get_data(as_text=True)
    with app.app_context():  # the suite holds its own app's context open; commands run in the current one
        result = app.test_cli_runner().invoke(args=["report", "badge", "FX", "--signer", "hr"])
    assert result.exit_code == 0 and result.output.startswith("FB-"), result.output
    staff = app.test_client()
    _login(staff, "staff")
    assert staff.get(url).status_code == 404  # a department out of the staff member's scope: as if missing


def test_the_regular_app_knows_nothing_of_it(client, auth, org):
    auth.login("hr")
    assert client.get("/fictitious/").status_code == 404
    assert client.get(f"/reports/issue/badge/{org.front.id}").status_code == 404
