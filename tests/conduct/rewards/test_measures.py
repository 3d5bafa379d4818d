"""Measures on the staff history through HR's pages: each kind, carried out on the staff record where it changes
it, revocation, bad input; and an unpaid suspension as a hard breach in the roster (through the grid's cell edit)."""
from datetime import date

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from hrapp.blueprints.roster.labels import CODES
from hrapp.blueprints.roster.rules import SUSPENDED
from hrapp.blueprints.roster.services import create_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    DisciplinaryMeasure,
    EmploymentEvent,
    EmploymentStatus,
    EventKind,
    Measure,
    PeriodKind,
    RuleKind,
    StaffMember,
)
from tests.access_matrix import login
from tests.roster.fixtures import MARCH, TYPES


def measure_body(staff, kind, **overrides) -> dict:
    return {"staff_number": staff.staff_number, "kind": kind, "starts_on": "2026-03-10", "note": "屡次迟到",
            **overrides}


def record(client, staff, kind, **overrides):
    return client.post("/conduct/measures/new", data=measure_body(staff, kind, **overrides))


def last_measure() -> DisciplinaryMeasure:
    return db.session.scalars(sa.select(DisciplinaryMeasure).order_by(DisciplinaryMeasure.id.desc())).first()


def fresh(staff) -> StaffMember:
    return db.session.get(StaffMember, staff.id)


@pytest.mark.parametrize("kind", ["warning", "written_warning", "final_warning"])
def test_warnings_go_on_the_history(app, site, kind):
    hr = login(app, "hr")
    assert record(hr, site.desk_staff, kind).status_code == 302
    measure = last_measure()
    assert measure.kind == Measure(kind) and measure.ends_on is None and measure.recorded_by_id == site.hr.id
    history = login(app, "head").get(f"/conduct/people/{site.desk_staff.id}").get_data(as_text=True)
    assert f'data-kind="{kind}"' in history
    assert "measure.create" in set(db.session.scalars(sa.select(AuditEntry.action)))


def test_demotion_changes_the_position(app, site, make_position):
    clerk = make_position("DESK-1", "前台接待", site.front_desk)
    trainee = make_position("DESK-0", "前台实习", site.front_desk)
    site.desk_staff.position_id = clerk.id
    db.session.commit()
    hr = login(app, "hr")
    assert record(hr, site.desk_staff, "demotion").status_code == 200  # no position chosen
    assert record(hr, site.desk_staff, "demotion", to_position_id=str(trainee.id)).status_code == 302
    assert fresh(site.desk_staff).position_id == trainee.id


def test_transfer_moves_the_person_through_the_staff_service(app, site):
    hr = login(app, "hr")
    assert record(hr, site.desk_staff, "transfer").status_code == 200  # no department chosen
    assert record(hr, site.desk_staff, "transfer", to_department_id=str(site.housekeeping.id)).status_code == 302
    assert fresh(site.desk_staff).department_id == site.housekeeping.id
    event = db.session.scalar(sa.select(EmploymentEvent).where(EmploymentEvent.staff_id == site.desk_staff.id,
                                                               EmploymentEvent.kind == EventKind.TRANSFER))
    assert event.to_department_id == site.housekeeping.id and event.effective_on == date(2026, 3, 10)


def test_dismissal_records_the_leaving_and_cannot_be_revoked(app, site):
    hr = login(app, "hr")
    assert record(hr, site.desk_staff, "dismissal", ends_on="2026-03-11").status_code == 200  # no last day
    assert record(hr, site.desk_staff, "dismissal").status_code == 302
    staff = fresh(site.desk_staff)
    assert (staff.status, staff.left_on) == (EmploymentStatus.LEFT, date(2026, 3, 10))
    assert db.session.scalar(sa.select(EmploymentEvent).where(
        EmploymentEvent.staff_id == staff.id, EmploymentEvent.kind == EventKind.STATUS_CHANGE)).to_status == "left"
    measure = last_measure()
    response = hr.post(f"/conduct/measures/{measure.id}/revoke", data={"version_id": measure.version_id,
                                                                       "note": "误会"})
    assert response.status_code == 200 and db.session.get(DisciplinaryMeasure, measure.id).revoked_at is None
    assert record(hr, site.desk_staff, "final_warning").status_code == 200  # the person has left


def test_suspension_needs_its_days_and_revoke_needs_a_reason_and_the_version(app, site):
    hr = login(app, "hr")
    assert record(hr, site.desk_staff, "unpaid_suspension").status_code == 200  # no last day
    assert record(hr, site.desk_staff, "unpaid_suspension", ends_on="2026-03-09").status_code == 200
    assert record(hr, site.desk_staff, "unpaid_suspension", ends_on="2026-03-12").status_code == 302
    assert record(hr, site.desk_staff, "unpaid_suspension", starts_on="2026-03-12",
                  ends_on="2026-03-14").status_code == 200  # overlaps
    measure = last_measure()
    url = f"/conduct/measures/{measure.id}/revoke"
    assert hr.post(url, data={"version_id": measure.version_id, "note": ""}).status_code == 200
    assert hr.post(url, data={"version_id": measure.version_id - 1, "note": "撤销"}).status_code == 409
    assert db.session.get(DisciplinaryMeasure, measure.id).revoked_at is None
    assert hr.post(url, data={"version_id": measure.version_id, "note": "申诉成立"}).status_code == 302
    revoked = db.session.get(DisciplinaryMeasure, measure.id)
    assert revoked.revoked_at is not None and revoked.revoked_reason == "申诉成立"
    assert "申诉成立" in hr.get(f"/conduct/measures/{measure.id}").get_data(as_text=True)


def test_hr_records_no_measure_on_their_own_record(app, site, make_staff):
    own = make_staff(site.housekeeping, name_zh="人事专员")
    site.hr.staff_id = own.id
    db.session.commit()
    assert record(login(app, "hr"), own, "warning").status_code == 200
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DisciplinaryMeasure)) == 0


def test_a_measure_links_a_violation_of_the_person(app, site, make_rule, make_violation):
    rule = make_rule(kind=RuleKind.WARNING)
    violation = make_violation(site.desk_staff, rule)
    other = make_violation(site.hk_staff, rule)
    hr = login(app, "hr")
    assert record(hr, site.desk_staff, "warning", violation_number=other.number).status_code == 200
    assert record(hr, site.desk_staff, "warning", violation_number=violation.number).status_code == 302
    assert last_measure().violation_id == violation.id


def test_measure_list_filters(app, site):
    hr = login(app, "hr")
    record(hr, site.desk_staff, "warning")
    record(hr, site.hk_staff, "written_warning")
    text = hr.get(f"/conduct/measures/?kind=written_warning&department={site.housekeeping.id}").get_data(as_text=True)
    assert site.hk_staff.staff_number in text and site.desk_staff.staff_number not in text
    assert 'id="no-measures"' in hr.get("/conduct/measures/?active=0").get_data(as_text=True)


@pytest.fixture
def fo_roster(site, make_staff):
    """FO's shift types and its draft March 2026 roster, with 张三 (FO) to put on it."""
    site.types = {t.code: save_shift_type(site.hr, site.front, t) for t in TYPES}
    site.roster = create_roster(site.head, site.front, PeriodKind.MONTH, MARCH)
    site.zhang = make_staff(site.front, name_zh="张三")
    db.session.commit()
    return site


def _put(client, roster, staff, day: date, code: str = "早"):
    return client.post(f"/roster/{roster.id}/cells",
                       json={"edits": [{"staff_id": staff.id, "day": day.isoformat(), "code": code, "version": 0}]})


def test_an_unpaid_suspension_is_a_hard_breach_in_the_roster(app, fo_roster):
    w = fo_roster
    head = login(app, "head")
    assert _put(head, w.roster, w.zhang, date(2026, 3, 10)).status_code == 200  # before the suspension is recorded
    hr = login(app, "hr")
    assert record(hr, w.zhang, "unpaid_suspension", starts_on="2026-03-10", ends_on="2026-03-12").status_code == 302
    breaches = head.get(f"/roster/{w.roster.id}/cells").get_json()["grid"]["breaches"]
    # the existing shift is now a hard breach, said as the roster says a suspension
    with force_locale("zh"):
        assert breaches[f"{w.zhang.id}/2026-03-10"] == ["breach-hard", str(CODES[SUSPENDED])]
    refused = _put(head, w.roster, w.zhang, date(2026, 3, 11))
    body = refused.get_json()
    assert refused.status_code == 422 and list(body["errors"]) == [f"{w.zhang.id}/2026-03-11"]
    assert _put(head, w.roster, w.zhang, date(2026, 3, 11), "休").status_code == 200  # a rest marker is fine
    assert _put(head, w.roster, w.zhang, date(2026, 3, 13)).status_code == 200  # after the suspension
    measure = last_measure()
    hr.post(f"/conduct/measures/{measure.id}/revoke", data={"version_id": measure.version_id, "note": "撤销停职"})
    version = db.session.scalar(sa.text("select version_id from roster_cells where staff_id = :s and day = :d"),
                                {"s": w.zhang.id, "d": date(2026, 3, 11)})
    response = head.post(f"/roster/{w.roster.id}/cells", json={"edits": [
        {"staff_id": w.zhang.id, "day": "2026-03-11", "code": "早", "version": version}]})
    assert response.status_code == 200  # revoked: no longer a breach
