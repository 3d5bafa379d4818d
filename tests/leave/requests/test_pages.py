"""The pages through the test client: the form (balances, day count, refusals with nothing lost, HR on someone's
behalf and recording), my requests, a request with its steps (stale answers 409), the lists and the export."""
import io
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa
from openpyxl import load_workbook

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import LeaveRequest, LeaveStatus
from tests.access_matrix import login

from .conftest import MON, ask, day


def body(site, code="annual", first=MON, last=None, **extra):
    return {"leave_type_id": str(site.types[code].id), "starts_on": first.isoformat(),
            "ends_on": (last or first).isoformat(), "reason": "回老家", "submit": "1", **extra}


def last_request() -> LeaveRequest:
    return db.session.scalars(sa.select(LeaveRequest).order_by(LeaveRequest.id.desc())).first()


def test_the_form_shows_the_balances_of_the_year_asked_for(app, site):
    client = login(app, "staff")
    assert 'id="leave-balances"' in client.get("/leave/requests/new").get_data(as_text=True)
    page = client.post("/leave/requests/new", data=body(site, submit="", preview="1")).get_data(as_text=True)
    assert "年休假" in page and '<strong class="balance-available">5</strong>' in page


def test_counting_the_days_saves_nothing(app, site):
    client = login(app, "staff")
    response = client.post("/leave/requests/new", data=body(site, last=day(6), submit="", preview="1"))
    assert response.status_code == 200 and "5" in response.get_data(as_text=True).split('id="leave-days"')[1][:80]
    assert last_request() is None


def test_asking_creates_a_pending_request(app, site):
    response = login(app, "staff").post("/leave/requests/new", data=body(site, last=day(1)))
    leave = last_request()
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/leave/requests/{leave.id}")
    assert (leave.status, leave.days, leave.staff_id) == (LeaveStatus.PENDING, Decimal(2), site.desk_staff.id)


def test_a_refusal_comes_back_with_what_was_typed(app, site):
    response = login(app, "staff").post("/leave/requests/new", data=body(site, first=day(2), last=day(1)))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "请假结束日期早于开始日期。" in page
    assert "回老家" in page and last_request() is None


def test_beyond_the_balance_in_english(app, site):
    client = login(app, "staff")
    client.post("/auth/locale/en")
    page = client.post("/leave/requests/new", data=body(site, last=day(7))).get_data(as_text=True)
    assert "Not enough balance: 5 days available, 6 asked." in page


def test_a_sick_note_is_attached(app, site):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    data = body(site, "sick", last=day(3), note_file=(io.BytesIO(pdf), "病假条.pdf"))
    response = login(app, "staff").post("/leave/requests/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    page = login(app, "staff").get(response.headers["Location"]).get_data(as_text=True)
    assert "病假条.pdf" in page


def test_hr_asks_on_behalf_and_records(app, site):
    client = login(app, "hr")
    client.post("/leave/requests/new", data=body(site, "personal", staff_number=site.desk_staff.staff_number))
    assert (last_request().staff_id, last_request().status) == (site.desk_staff.id, LeaveStatus.PENDING)
    client.post("/leave/requests/new", data=body(site, "personal", day(7), staff_number=site.hk_staff.staff_number,
                                                 record_approved="y"))
    assert (last_request().staff_id, last_request().status) == (site.hk_staff.id, LeaveStatus.APPROVED)
    page = client.post("/leave/requests/new", data=body(site, staff_number="NOPE")).get_data(as_text=True)
    assert 'is-invalid' in page


def test_staff_cannot_ask_for_someone_else(app, site):
    login(app, "staff").post("/leave/requests/new", data=body(site, "personal", staff_number=site.hk_staff.staff_number))
    assert last_request().staff_id == site.desk_staff.id  # the field is HR's only: their own request


def test_the_head_approves_from_the_page_and_a_stale_page_gets_409(app, site):
    leave = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    db.session.commit()
    head = login(app, "head")
    assert f"/leave/requests/{leave.id}" in head.get("/leave/requests/approvals").get_data(as_text=True)
    stale = head.post(f"/leave/requests/{leave.id}/approve", data={"version_id": leave.version_id - 1})
    assert stale.status_code == 409
    ok = head.post(f"/leave/requests/{leave.id}/approve", data={"version_id": leave.version_id})
    assert ok.status_code == 302
    assert db.session.get(LeaveRequest, leave.id).status == LeaveStatus.APPROVED


def test_reject_without_a_reason_comes_back(app, site):
    leave = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    db.session.commit()
    response = login(app, "head").post(f"/leave/requests/{leave.id}/reject", data={"version_id": leave.version_id})
    assert response.status_code == 200 and db.session.get(LeaveRequest, leave.id).status == LeaveStatus.PENDING


def test_cut_short_from_the_page(app, site):
    from hrapp.blueprints.leave.requests.services import record_leave
    today = company_today()
    leave = record_leave(site.hr, site.desk_staff, site.types["personal"], today - timedelta(days=1),
                         today + timedelta(days=3))
    db.session.commit()
    head = login(app, "head")
    assert 'id="cut-short-form"' in head.get(f"/leave/requests/{leave.id}").get_data(as_text=True)
    response = head.post(f"/leave/requests/{leave.id}/cut-short",
                         data={"version_id": leave.version_id, "last_day": today.isoformat()})
    assert response.status_code == 302
    assert db.session.get(LeaveRequest, leave.id).ends_on == today


def test_my_requests_and_the_history(app, site):
    leave = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    db.session.commit()
    client = login(app, "staff")
    assert f'data-request-id="{leave.id}"' in client.get("/leave/requests/my").get_data(as_text=True)
    assert 'id="leave-history"' in client.get(f"/leave/requests/{leave.id}").get_data(as_text=True)


def test_all_leave_filters_and_exports(app, site):
    ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    ask(site.other_staff, site.hk_staff, "personal", MON, MON, site.types)
    db.session.commit()
    client = login(app, "hr")
    page = client.get(f"/leave/requests/?department={site.housekeeping.id}&month=2027-01").get_data(as_text=True)
    assert site.hk_staff.staff_number in page and site.desk_staff.staff_number not in page
    assert 'id="filter-errors"' in client.get("/leave/requests/?month=2027-13").get_data(as_text=True)
    sheet = load_workbook(io.BytesIO(client.get("/leave/requests/export.xlsx?status=pending").data)).active
    assert sheet.max_row == 3
