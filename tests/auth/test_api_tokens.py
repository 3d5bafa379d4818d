"""A user's own API tokens on the settings page (created and named there, shown once, stored as a hash,
revoked with a confirmation, audited; nobody else's), and the API documentation served by the app."""
import hashlib
import re

import sqlalchemy as sa

from hrapp.blueprints.auth.tokens import issue_api_token
from hrapp.extensions import db
from hrapp.models import ApiToken, AuditEntry

TOKEN = re.compile(r"hr_[A-Za-z0-9_-]{20,}")


def _create(client, name="nightly export"):
    response = client.post("/auth/tokens", data={"name": name})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    found = TOKEN.findall(response.get_data(as_text=True))
    assert len(found) == 1, "the new token is shown exactly once on the page"
    return found[0]


def test_a_user_creates_a_token_it_works_and_revoking_makes_it_401(client, auth, org):
    auth.login("staff")
    clear = _create(client)
    listing = client.get("/auth/tokens").get_data(as_text=True)
    assert "nightly export" in listing and not TOKEN.search(listing), "never shown again"
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == org.staff.id))
    assert row.token_hash == hashlib.sha256(clear.encode()).hexdigest() and row.name == "nightly export"

    api = client.application.test_client()  # no cookie: the token alone
    me = api.get("/api/v1/me", headers={"Authorization": f"Bearer {clear}"})
    assert me.status_code == 200 and me.get_json()["username"] == "staff"
    assert client.get("/auth/tokens").status_code == 200  # last used is shown
    assert db.session.get(ApiToken, row.id).last_used_at is not None

    confirm = client.get(f"/auth/tokens/{row.id}/revoke")
    assert confirm.status_code == 200 and "nightly export" in confirm.get_data(as_text=True)
    assert client.post(f"/auth/tokens/{row.id}/revoke").status_code == 302
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {clear}"}).status_code == 401
    actions = db.session.scalars(sa.select(AuditEntry.action).where(
        AuditEntry.target_type == "ApiToken", AuditEntry.target_id == row.id, AuditEntry.actor_id == org.staff.id))
    assert sorted(actions) == ["api_token.create", "api_token.revoke"]


def test_revoking_twice_changes_nothing_the_second_time(client, auth, org):
    auth.login("staff")
    row, _clear = issue_api_token(org.staff, "tool")
    db.session.commit()
    client.post(f"/auth/tokens/{row.id}/revoke")
    revoked_at = db.session.get(ApiToken, row.id).revoked_at
    client.post(f"/auth/tokens/{row.id}/revoke")
    assert db.session.get(ApiToken, row.id).revoked_at == revoked_at
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "api_token.revoke", AuditEntry.target_id == row.id)) == 1


def test_another_user_cannot_see_or_revoke_a_token(client, auth, org):
    row, clear = issue_api_token(org.staff, "a-token-of-mine")
    db.session.commit()
    for other in ("other", "hr", "admin"):
        auth.login(other)
        assert "a-token-of-mine" not in client.get("/auth/tokens").get_data(as_text=True)
        assert client.get(f"/auth/tokens/{row.id}/revoke").status_code == 404
        assert client.post(f"/auth/tokens/{row.id}/revoke").status_code == 404
        auth.logout()
    assert db.session.get(ApiToken, row.id).revoked_at is None
    api = client.application.test_client()
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {clear}"}).status_code == 200


def test_a_token_needs_a_name(client, auth, org):
    auth.login("staff")
    response = client.post("/auth/tokens", data={"name": "  "})
    assert response.status_code == 200 and not TOKEN.search(response.get_data(as_text=True))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0


def test_the_api_docs_load_from_the_app_with_no_external_url(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'id="swagger-ui"' in html
    urls = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    assert "http://" not in html and "https://" not in html
    for url in (u for u in urls if u.startswith("/api/docs/assets/") or u.endswith("api_docs.js")):
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.data) > 100, url
    assert client.get("/api/docs/assets/index.html").status_code == 404  # only the files the page needs
    assert client.get(re.search(r'data-spec-url="([^"]+)"', html).group(1)).status_code == 200
