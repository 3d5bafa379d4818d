"""Period close pages: who may see them (HR and admin; heads and staff 403, guests to the login page), the
month overview, closing with confirmation, reopening with a reason, the history, and a racing duplicate close."""
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.period_close import services
from hrapp.blueprints.period_close.services import close_period
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from hrapp.models import PeriodClose, Role
from hrapp.period_close import closable_modules
from hrapp.permissions import ROLE_PERMS, Perm
from tests.conftest import count

MAY = parse_period("2026-05")


@pytest.fixture
def closed(org):
    """FO's May 2026 rosters closed by HR."""
    record, = close_period(org.hr, "roster", org.front, MAY, 0, "attendance reconciled")
    db.session.commit()
    org.record = record
    return org


def pages(o) -> dict[str, tuple[str, str]]:
    return {
        "list": ("GET", "/periods/?month=2026-05"),
        "close": ("GET", f"/periods/close?module=roster&department_id={o.housekeeping.id}&month=2026-05"),
        "close_post": ("POST", "/periods/close"),
        "reopen": ("GET", f"/periods/{o.record.id}/reopen"),
        "reopen_post": ("POST", f"/periods/{o.record.id}/reopen"),
    }


@pytest.mark.parametrize("user, expected", [
    (None, 302), ("staff", 403), ("other", 403), ("head", 403), ("hr", 200), ("admin", 200),
])
@pytest.mark.parametrize("page", ["list", "close", "close_post", "reopen", "reopen_post"])
def test_access(client, auth, closed, user, expected, page):
    if user:
        auth.login(user)
    method, path = pages(closed)[page]
    data = {"module": "roster", "department_id": closed.housekeeping.id, "month": "2026-05", "expected_version": 0}
    response = client.open(path, method=method, data=data if method == "POST" else None)
    if expected == 302:
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    elif expected == 403:
        assert response.status_code == 403
    else:  # a POST without the confirmation is refused by the form, not by access
        assert response.status_code in (200, 400)
    assert count(PeriodClose) == 1 and closed.record.is_closed


def test_the_nav_link_is_for_hr_and_admin_only(client, auth, org):
    for user, shown in (("hr", True), ("admin", True), ("head", False), ("staff", False)):
        auth.login(user)
        assert ('id="nav-period-close"' in client.get("/").get_data(as_text=True)) is shown, user
        auth.logout()


def test_the_overview_lists_closable_modules_by_department_with_states(client, auth, closed):
    auth.login("hr")
    client.post("/auth/locale/en")
    page = client.get("/periods/?month=2026-05").get_data(as_text=True)
    assert 'id="periods-roster"' in page and "Rosters" in page
    # One row per closable module and department: FO, FO-DESK, HK for rosters and for the code of conduct.
    assert page.count("<tr data-department=") == 3 * len(closable_modules())
    assert 'id="periods-conduct"' in page
    assert "attendance reconciled" in page and f"/periods/{closed.record.id}/reopen" in page
    assert f"department_id={closed.housekeeping.id}&amp;month=2026-05" in page
    assert 'id="periods-staff"' not in page  # only closable modules
    assert 'id="previous-month"' in page and "2026-04" in page and "2026-06" in page
    april = client.get("/periods/?month=2026-04").get_data(as_text=True)
    assert "attendance reconciled" not in april
    assert client.get("/periods/?month=2026-W19").status_code == 404
    assert client.get("/periods/").status_code == 200  # this month


def test_close_needs_the_confirmation_then_closes_with_sub_departments(client, auth, org):
    auth.login("hr")
    client.post("/auth/locale/en")
    form = client.get(f"/periods/close?module=roster&department_id={org.front.id}&month=2026-05")
    assert form.status_code == 200 and 'name="confirm"' in form.get_data(as_text=True)
    data = {"module": "roster", "department_id": org.front.id, "month": "2026-05", "expected_version": 0,
            "reason": "payroll sent", "include_sub_departments": "y"}
    unconfirmed = client.post("/periods/close", data=data)
    assert unconfirmed.status_code == 400 and "Tick the box" in unconfirmed.get_data(as_text=True)
    assert count(PeriodClose) == 0
    response = client.post("/periods/close", data=data | {"confirm": "y"}, follow_redirects=True)
    body = response.get_data(as_text=True)
    assert response.request.path == "/periods/" and "closed for 2 department(s)" in body
    assert {r.department_id for r in db.session.scalars(sa.select(PeriodClose))} == {org.front.id, org.front_desk.id}
    assert "payroll sent" in body and 'id="period-history"' in body


def test_close_of_an_unknown_module_or_department_is_404(client, auth, org):
    auth.login("hr")
    assert client.get(f"/periods/close?module=staff&department_id={org.front.id}&month=2026-05").status_code == 404
    assert client.get("/periods/close?module=roster&department_id=999999&month=2026-05").status_code == 404


def test_a_stale_close_form_is_answered_with_a_message(client, auth, closed):
    auth.login("hr")
    client.post("/auth/locale/en")
    data = {"module": "roster", "department_id": closed.front.id, "month": "2026-05", "expected_version": 0,
            "confirm": "y"}
    response = client.post("/periods/close", data=data, follow_redirects=True)
    assert "already closed" in response.get_data(as_text=True) and count(PeriodClose) == 1


def test_a_duplicate_close_racing_past_the_check_gets_the_normal_message(client, auth, closed, monkeypatch):
    auth.login("hr")
    client.post("/auth/locale/en")
    monkeypatch.setattr(services, "find_close", lambda module, department_id, period: None)  # both saw none
    data = {"module": "roster", "department_id": closed.front.id, "month": "2026-05", "expected_version": 0,
            "confirm": "y"}
    response = client.post("/periods/close", data=data, follow_redirects=True)
    assert response.status_code == 200 and "already closed" in response.get_data(as_text=True)
    assert count(PeriodClose) == 1


def test_reopen_needs_a_reason_and_confirmation(client, auth, closed):
    auth.login("hr")
    client.post("/auth/locale/en")
    record = closed.record
    page = client.get(f"/periods/{record.id}/reopen").get_data(as_text=True)
    assert "attendance reconciled" in page and 'name="expected_version"' in page
    no_reason = client.post(f"/periods/{record.id}/reopen", data={"expected_version": record.version_id,
                                                                 "confirm": "y"})
    assert no_reason.status_code == 400 and db.session.get(PeriodClose, record.id).is_closed
    stale = client.post(f"/periods/{record.id}/reopen", data={"expected_version": record.version_id + 5,
                                                             "confirm": "y", "reason": "late punches"},
                        follow_redirects=True)
    assert "Someone else changed this record; reload and try again." in stale.get_data(as_text=True)
    response = client.post(f"/periods/{record.id}/reopen", data={"expected_version": record.version_id,
                                                                "confirm": "y", "reason": "late punches"},
                           follow_redirects=True)
    body = response.get_data(as_text=True)
    assert "reopened for 前厅部" in body and "late punches" in body
    db.session.expire_all()
    assert not db.session.get(PeriodClose, record.id).is_closed
    assert db.session.get(PeriodClose, record.id).reopened_at.date() <= date.today()


def test_only_hr_and_admin_hold_the_permission():
    assert {role for role, perms in ROLE_PERMS.items() if Perm.PERIOD_CLOSE in perms} == {Role.HR, Role.ADMIN}
