"""The balances pages: one's own cards, the heads' and HR's table (search, department, pages, XLSX), a person's
entitlements explained, HR's grant and adjustment (validation, a stale page)."""
import io
from datetime import date

from openpyxl import load_workbook

from hrapp.blueprints.leave.setup.granting import grant_year
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AuditEntry, Role
from tests.leave.fixtures import write_leave

from .conftest import entitlement


def _granted(o):
    grant_year(o.hr, company_today().year)
    db.session.commit()


def test_staff_see_their_own_balances_on_cards(client, auth, setup_org):
    _granted(setup_org)
    year = company_today().year
    write_leave(setup_org.desk_staff, date(year, 1, 5), date(year, 1, 6))
    db.session.commit()
    auth.login("staff")
    page = client.get("/leave/balances").get_data(as_text=True)
    assert 'id="balance-cards"' in page and 'data-available="3.0"' in page  # 5 granted, 2 taken
    assert "每次申请最多 3.0 天" in page  # marriage leave: its cap per request
    assert 'id="balance-table"' not in page  # staff see no one else


def test_a_head_sees_a_table_of_their_departments_people(client, auth, setup_org):
    _granted(setup_org)
    auth.login("head")
    page = client.get("/leave/balances").get_data(as_text=True)
    assert 'id="balance-table"' in page
    assert f'data-staff="{setup_org.desk_staff.staff_number}"' in page
    assert f'data-staff="{setup_org.hk_staff.staff_number}"' not in page


def test_hr_searches_filters_and_exports(client, auth, setup_org):
    _granted(setup_org)
    auth.login("hr")
    page = client.get("/leave/balances", query_string={"department": setup_org.housekeeping.id}).get_data(
        as_text=True)
    assert f'data-staff="{setup_org.hk_staff.staff_number}"' in page
    assert f'data-staff="{setup_org.desk_staff.staff_number}"' not in page
    page = client.get("/leave/balances", query_string={"q": "李前台"}).get_data(as_text=True)
    assert f'data-staff="{setup_org.desk_staff.staff_number}"' in page and "赵服务员" not in page
    bad = client.get("/leave/balances", query_string={"department": "x"})
    assert bad.status_code == 200
    export = client.get("/leave/balances/export.xlsx", query_string={"department": setup_org.front.id})
    assert export.status_code == 200
    rows = list(load_workbook(io.BytesIO(export.data)).active.iter_rows(values_only=True))
    assert {r[0] for r in rows[1:]} == {setup_org.head_staff.staff_number, setup_org.desk_staff.staff_number}
    assert rows[0][3].startswith("年休假")


def test_a_persons_page_explains_the_grant_with_the_career_start(client, auth, setup_org):
    setup_org.desk_staff.career_started_on = date(2012, 9, 1)
    _granted(setup_org)
    auth.login("hr")
    page = client.get(f"/leave/balances/{setup_org.desk_staff.id}").get_data(as_text=True)
    assert "2012" in page and 'id="entitlement-table"' in page


def test_hr_grants_a_year_for_everyone_or_one_person(client, auth, setup_org):
    auth.login("hr")
    year = company_today().year
    response = client.post("/leave/balances/grant", data={"year": str(year + 1), "staff_id": setup_org.hk_staff.id})
    assert response.status_code == 302
    assert entitlement(setup_org.hk_staff, year + 1, setup_org.types["annual"]) is not None
    assert entitlement(setup_org.desk_staff, year + 1, setup_org.types["annual"]) is None
    client.post("/leave/balances/grant", data={"year": str(year + 1)})
    assert entitlement(setup_org.desk_staff, year + 1, setup_org.types["annual"]) is not None
    assert client.post("/leave/balances/grant", data={"year": "abc"}).status_code == 400


def test_hr_adjusts_an_entitlement_with_a_reason_and_the_version(client, auth, setup_org):
    _granted(setup_org)
    row = entitlement(setup_org.desk_staff, company_today().year, setup_org.types["annual"])
    url = f"/leave/balances/entitlements/{row.id}/adjust"
    auth.login("hr")
    assert 'name="version_id"' in client.get(url).get_data(as_text=True)
    page = client.post(url, data={"days": "0.3", "reason": "", "version_id": row.version_id}).get_data(as_text=True)
    assert "is-invalid" in page
    assert client.post(url, data={"days": "2", "reason": "加班奖励", "version_id": row.version_id}
                       ).status_code == 302
    db.session.expire_all()
    assert entitlement(setup_org.desk_staff, company_today().year, setup_org.types["annual"]).adjusted_days == 2
    stale = client.post(url, data={"days": "1", "reason": "again", "version_id": row.version_id})
    assert stale.status_code == 200
    db.session.expire_all()
    assert entitlement(setup_org.desk_staff, company_today().year, setup_org.types["annual"]).adjusted_days == 2
    assert db.session.query(AuditEntry).filter_by(action="leave_entitlement.adjust").count() == 1


def test_an_account_without_a_staff_record_is_told_so(client, auth, setup_org, make_user):
    auth.login("admin")
    page = client.get("/leave/balances").get_data(as_text=True)
    assert 'id="balance-table"' in page and 'id="balance-cards"' not in page
    auth.logout()
    make_user(Role.STAFF, "nostaff")
    auth.login("nostaff")
    page = client.get("/leave/balances").get_data(as_text=True)
    assert 'id="no-staff-record"' in page and 'id="balance-table"' not in page
