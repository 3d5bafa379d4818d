"""The upload route with CSRF protection on: it checks the token itself (after raising the size limit to the
attachment limit), so a form without the token is refused and a large file with it is accepted."""
import io
import re
from datetime import date

import pytest
import sqlalchemy as sa

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.extensions import db
from hrapp.models import Attachment, Gender, Role, StaffMember
from tests.attachments.conftest import PDF

PASSWORD = "Correct-Horse-Battery-9"
TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture
def csrf_app(tmp_path):
    """An app with CSRF on and a small app-wide request limit, over its own SQLite file: one HR clerk, one person."""

    class CsrfConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'csrf.sqlite'}"
        WTF_CSRF_ENABLED = True
        MAX_CONTENT_LENGTH = 4096
        ATTACHMENTS_DIR = str(tmp_path / "files")

    app = create_app(CsrfConfig)
    with app.app_context():
        db.create_all()
        create_user("clerk", PASSWORD, Role.HR, None, must_change_password=False)
        department = save_department(None, None, "FO", "前厅部", "Front office", None, 5)
        db.session.add(StaffMember(staff_number="S1", name_zh="李前台", gender=Gender.FEMALE,
                                   hire_on=date(2020, 1, 1), department=department))
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _token(client, path, after=""):
    page = client.get(path).get_data(as_text=True)
    return TOKEN_RE.search(page, page.index(after)).group(1)


def _logged_in(app):
    client = app.test_client()
    client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD,
                                     "csrf_token": _token(client, "/auth/login")})
    return client


def _stored(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(Attachment))


def test_upload_without_the_token_is_refused(csrf_app):
    client = _logged_in(csrf_app)
    response = client.post("/attachments/staff/1", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(PDF), "scan.pdf")})
    assert response.status_code == 400 and _stored(csrf_app) == 0


def test_upload_with_the_page_token_takes_a_file_over_the_app_wide_limit(csrf_app):
    client = _logged_in(csrf_app)
    token = _token(client, "/staff/1", after='id="attachment-upload"')  # the upload form carries it
    big = PDF + b"0" * 8000  # more than MAX_CONTENT_LENGTH, less than ATTACHMENT_MAX_BYTES
    response = client.post("/attachments/staff/1", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(big), "scan.pdf"), "csrf_token": token})
    assert response.status_code == 302 and _stored(csrf_app) == 1
