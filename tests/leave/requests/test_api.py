"""The leave request API: one's own requests (list, ask once per Idempotency-Key, refusals as 422, a closed month
as 409) and the requests heads and HR may see."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import LeaveRequest, LeaveStatus, PeriodClose, PeriodKind
from tests.api.conftest import bearer

from .conftest import MON, ask, day


def payload(**extra):
    return {"leave_type": "annual", "starts_on": MON.isoformat(), "ends_on": day(1).isoformat(), **extra}


def test_ask_once_per_key(client, site):
    headers = {**bearer(site.staff), "Idempotency-Key": "k-1"}
    first = client.post("/api/v1/me/leave/requests", json=payload(), headers=headers)
    again = client.post("/api/v1/me/leave/requests", json=payload(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["id"] == again.json["id"] and Decimal(first.json["days"]) == 2 and first.json["status"] == "pending"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LeaveRequest)) == 1


def test_refusals_are_422_with_field_messages(client, site):
    headers = bearer(site.staff)
    beyond = client.post("/api/v1/me/leave/requests", json=payload(ends_on=day(7).isoformat()), headers=headers)
    assert beyond.status_code == 422 and "leave_type" in beyond.json["errors"]
    unknown = client.post("/api/v1/me/leave/requests", json=payload(leave_type="nope"), headers=headers)
    assert unknown.status_code == 422 and "leave_type" in unknown.json["errors"]
    backwards = client.post("/api/v1/me/leave/requests", json=payload(starts_on=day(2).isoformat()), headers=headers)
    assert backwards.status_code == 422 and "ends_on" in backwards.json["errors"]


def test_a_closed_month_is_409(client, site):
    db.session.add(PeriodClose(module="attendance", period_kind=PeriodKind.MONTH, department_id=site.front_desk.id,
                               starts_on=MON, ends_on=day(27), closed_by_id=site.hr.id))
    db.session.commit()
    assert client.post("/api/v1/me/leave/requests", json=payload(), headers=bearer(site.staff)).status_code == 409


def test_my_list_and_the_scoped_list(client, site):
    mine = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    theirs = ask(site.other_staff, site.hk_staff, "personal", MON, MON, site.types)
    db.session.commit()
    own = client.get("/api/v1/me/leave/requests", headers=bearer(site.staff)).json
    assert [r["id"] for r in own["items"]] == [mine.id]
    head = client.get("/api/v1/leave/requests", headers=bearer(site.head)).json
    assert [r["id"] for r in head["items"]] == [mine.id]
    hr = client.get(f"/api/v1/leave/requests?staff_number={site.hk_staff.staff_number}&from={MON}&to={MON}"
                    "&status=pending", headers=bearer(site.hr)).json
    assert [r["id"] for r in hr["items"]] == [theirs.id]
    assert client.get("/api/v1/leave/requests?status=approved", headers=bearer(site.hr)).json["items"] == []
    assert client.get("/api/v1/leave/requests", headers=bearer(site.staff)).status_code == 403
    assert client.get("/api/v1/me/leave/requests").status_code == 401
    assert mine.status == LeaveStatus.PENDING


def test_asking_without_a_staff_record_is_403(client, site):
    response = client.post("/api/v1/me/leave/requests", json=payload(), headers=bearer(site.hk_head))
    assert response.status_code == 403
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LeaveRequest)) == 0
