"""Who may list, download, upload and delete a staff record's files: every role, against a written-out table."""
import io

import pytest
import sqlalchemy as sa

from hrapp.core.attachments import attach_file, owner_for
from hrapp.extensions import db
from hrapp.models import Attachment, User
from tests.attachments.conftest import PDF, PNG, upload
from tests.conftest import count

# The file belongs to the front-desk clerk ("staff"); "head" heads the front office above the desk,
# "other" is a housekeeping clerk. None is an anonymous visitor (sent to the login page).
ROLES = ("hr", "admin", "staff", "head", "other", None)
DOWNLOAD = {"hr": 200, "admin": 200, "staff": 200, "head": 403, "other": 404, None: 302}
UPLOAD = {"hr": 302, "admin": 302, "staff": 403, "head": 403, "other": 404, None: 302}
CONFIRM_DELETE = {"hr": 200, "admin": 200, "staff": 403, "head": 403, "other": 404, None: 302}
DELETE = {"hr": 302, "admin": 302, "staff": 403, "head": 403, "other": 404, None: 302}
# What the record page shows: (status, list shown, upload form shown, delete buttons shown).
PAGE = {"hr": (200, True, True, True), "admin": (200, True, True, True), "staff": (200, True, False, False),
        "head": (200, False, False, False), "other": (404, False, False, False)}


@pytest.fixture
def attached(org, store_dir):
    """A PDF on the front-desk clerk's record, put there by HR."""
    row = attach_file(owner_for("staff"), org.desk_staff, io.BytesIO(PDF), "contract.pdf", org.hr)
    db.session.commit()
    return row


def _as(auth, role):
    if role:
        auth.login(role)


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_download_access(client, auth, attached, role):
    _as(auth, role)
    response = client.get(f"/attachments/{attached.id}")
    assert response.status_code == DOWNLOAD[role]
    assert (response.data == PDF) == (DOWNLOAD[role] == 200)
    if role is None:
        assert _is_login_redirect(response)


@pytest.mark.parametrize("role", ROLES)
def test_upload_access(client, auth, org, store_dir, role):
    _as(auth, role)
    response = upload(client, org.desk_staff, PNG, "certificate.png")
    assert response.status_code == UPLOAD[role]
    allowed = role in ("hr", "admin")
    assert count(Attachment) == (1 if allowed else 0)
    if allowed:
        assert response.headers["Location"].endswith(f"/staff/{org.desk_staff.id}")
    if role is None:
        assert _is_login_redirect(response)


@pytest.mark.committed  # the store checks for other users of the content on a connection of its own
@pytest.mark.parametrize("role", ROLES)
def test_delete_access(client, auth, attached, role):
    _as(auth, role)
    confirm = client.get(f"/attachments/{attached.id}/delete")
    assert confirm.status_code == CONFIRM_DELETE[role]
    response = client.post(f"/attachments/{attached.id}/delete", data={"version_id": attached.version_id})
    assert response.status_code == DELETE[role]
    gone = db.session.scalar(sa.select(Attachment).where(Attachment.id == attached.id)) is None
    assert gone == (role in ("hr", "admin"))
    if role is None:
        assert _is_login_redirect(response) and _is_login_redirect(confirm)


@pytest.mark.parametrize("role", [r for r in ROLES if r])
def test_record_page_shows_files_to_those_who_may_see_them(client, auth, org, attached, role):
    auth.login(role)
    response = client.get(f"/staff/{org.desk_staff.id}")
    page = response.get_data(as_text=True)
    status, listed, form, delete = PAGE[role]
    assert response.status_code == status
    assert ('id="attachments"' in page) == listed and ("contract.pdf" in page) == listed
    assert ('id="attachment-upload"' in page) == form
    assert (f"/attachments/{attached.id}/delete" in page) == delete


def test_a_person_sees_their_own_files_from_my_profile(client, auth, org, attached):
    auth.login("staff")
    page = client.get("/staff/me").get_data(as_text=True)
    assert f"/attachments/{attached.id}" in page and 'id="attachment-upload"' not in page


def test_a_disabled_account_cannot_download(client, auth, org, attached):
    auth.login("staff")
    db.session.execute(sa.update(User).where(User.id == org.staff.id).values(is_enabled=False))
    db.session.commit()
    response = client.get(f"/attachments/{attached.id}")
    assert response.status_code in (302, 403) and response.data != PDF
