"""Account management and the audit trail."""
import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, Role, User


def test_hr_creates_head_account_with_scope(client, auth, org):
    auth.login("hr")
    response = client.post("/accounts/new", data={"username": "hkhead", "role": "head",
                                                  "departments": [org.housekeeping.id],
                                                  "password": "Housekeeping-Head-1", "is_enabled": "y"})
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.username == "hkhead"))
    assert user.must_change_password and [d.code for d in user.headed_departments] == ["HK"]
    no_scope = client.post("/accounts/new", data={"username": "lost", "role": "head", "password": "Housekeeping-Head-1"})
    assert no_scope.status_code == 200 and "is-invalid" in no_scope.get_data(as_text=True)
    weak = client.post("/accounts/new", data={"username": "weak", "role": "staff", "password": "12345678"})
    assert weak.status_code == 200


def test_role_change_is_audited(client, auth, org):
    auth.login("admin")
    client.post(f"/accounts/{org.staff.id}/edit", data={"role": "hr", "is_enabled": "y", "staff_id": org.desk_staff.id,
                                                         "version_id": org.staff.version_id})
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.role"))
    assert entry.before["role"] == "staff" and entry.after["role"] == "hr" and entry.actor_id == org.admin.id
    assert db.session.get(User, org.staff.id).role == Role.HR


def test_audit_trail_is_filterable_and_hr_only(client, auth, org):
    auth.login("admin")
    client.post(f"/accounts/{org.staff.id}/edit", data={"role": "hr", "is_enabled": "y", "version_id": org.staff.version_id})
    auth.logout()
    auth.login("hr")
    page = client.get("/audit/?action=user.role").get_data(as_text=True)
    assert "user.role" in page and "admin" in page
    assert "user.role" not in client.get("/audit/?action=staff.create").get_data(as_text=True).split("<tbody>")[1]
    assert client.get("/audit/?from=bad-date&target_id=x").status_code == 200
    auth.logout()
    auth.login("head")
    assert client.get("/audit/").status_code == 403


def test_audit_entries_are_append_only(org):
    from hrapp import audit
    entry = audit.record(None, "test.action", org.front)
    db.session.commit()
    entry.action = "tampered"
    with pytest.raises(RuntimeError):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEntry, entry.id))
    with pytest.raises(RuntimeError):
        db.session.commit()
    db.session.rollback()
