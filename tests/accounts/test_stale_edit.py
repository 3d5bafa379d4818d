"""Account edit forms carry the account's version: an old form never undoes a newer decision."""
import sqlalchemy as sa

from hrapp.blueprints.auth.services import update_user
from hrapp.extensions import db
from hrapp.models import AuditEntry, Role, User
from tests.forms_html import form_posting_to, forms_on

STALE_ZH = "该记录已被他人修改，请刷新后重试。"


def _disable_as_admin(org, user):
    user, admin = db.session.get(User, user.id), db.session.get(User, org.admin.id)
    update_user(user, admin, user.role, False, list(user.headed_departments), user.staff,
                expected_version=user.version_id)
    db.session.commit()


def test_hr_saving_an_old_form_does_not_re_enable_an_account_the_admin_disabled(client, auth, org):
    auth.login("hr")
    old_form = form_posting_to(client, f"/accounts/{org.staff.id}/edit")
    assert old_form.value("version_id") == str(org.staff.version_id)
    _disable_as_admin(org, org.staff)
    response = client.post(f"/accounts/{org.staff.id}/edit", data=old_form.replaced(role="head", departments=str(org.front.id)))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and STALE_ZH in page
    url = f"/accounts/{org.staff.id}/edit"
    shown = next(f for f in forms_on(page, url) if f.action == url)
    assert shown.value("role") == "head"  # the clerk's input is kept on the re-rendered form
    account = db.session.get(User, org.staff.id)
    assert account.is_enabled is False and account.role == Role.STAFF
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(
        AuditEntry.action.in_(("user.role", "user.update")), AuditEntry.actor_id == org.hr.id)) == 0


def test_a_current_form_saves_and_moves_the_version_on(client, auth, org):
    auth.login("hr")
    form = form_posting_to(client, f"/accounts/{org.staff.id}/edit")
    before = int(form.value("version_id"))
    assert client.post(f"/accounts/{org.staff.id}/edit", data=form.replaced(is_enabled=[])).status_code == 302
    account = db.session.get(User, org.staff.id)
    assert account.is_enabled is False and account.version_id == before + 1
    # the same page posted twice: the second is stale and changes nothing
    again = client.post(f"/accounts/{org.staff.id}/edit", data=form.replaced(is_enabled="y"))
    assert again.status_code == 200 and STALE_ZH in again.get_data(as_text=True)
    assert db.session.get(User, org.staff.id).is_enabled is False


def test_an_old_form_does_not_reset_a_password_set_meanwhile(client, auth, org):
    auth.login("admin")
    old_form = form_posting_to(client, f"/accounts/{org.hr.id}/edit")
    hr, admin = db.session.get(User, org.hr.id), db.session.get(User, org.admin.id)
    update_user(hr, admin, Role.HR, True, [], None, expected_version=hr.version_id, password="A-new-password-77")
    db.session.commit()
    hashed = db.session.get(User, org.hr.id).password_hash
    response = client.post(f"/accounts/{org.hr.id}/edit", data=old_form.replaced(password="Another-pass-88"))
    assert STALE_ZH in response.get_data(as_text=True)
    assert db.session.get(User, org.hr.id).password_hash == hashed


def test_logins_do_not_make_an_open_form_stale(client, auth, org):
    auth.login("hr")
    form = form_posting_to(client, f"/accounts/{org.staff.id}/edit")
    account = db.session.get(User, org.staff.id)
    account.failed_logins, account.last_login_at = 2, None
    db.session.commit()
    assert client.post(f"/accounts/{org.staff.id}/edit", data=form.replaced(role="staff")).status_code == 302
