"""The cycles pages: HR creates a cycle (a quarter by default; month and year allowed; the deadlines and the guide
checked), edits it (a stale page gets the stale message), extends a deadline with a reason (audited; the people
concerned told in Chinese) and adds a person hired later; heads see their departments' progress, staff only the
cycle's facts and their own appraisal's status."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.appraisals.cycles.notices import DEADLINE
from hrapp.blueprints.appraisals.cycles.opening import open_cycle
from hrapp.company import company_today
from hrapp.core.periods import PeriodKind
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AuditEntry, CycleStage
from tests.access_matrix import login

from .conftest import login_en, notices, reload


def cycle_form(period="2025-Q4", days=(7, 14, 21), **extra) -> dict:
    today = company_today()
    return {"period": period, "self_due_on": (today + timedelta(days=days[0])).isoformat(),
            "head_due_on": (today + timedelta(days=days[1])).isoformat(),
            "calibration_due_on": (today + timedelta(days=days[2])).isoformat(), "respond_days": "7",
            "guide_top": "20", "guide_middle": "70", "guide_bottom": "10", "note": "季度考核", **extra}


def by_name(name: str) -> AppraisalCycle | None:
    return db.session.scalar(sa.select(AppraisalCycle).where(AppraisalCycle.name == name))


def test_hr_creates_cycles_of_a_quarter_month_or_year(app, scene):
    hr = login_en(app, "hr")
    assert hr.get("/appraisals/cycles/new").status_code == 200
    response = hr.post("/appraisals/cycles/new", data=cycle_form("2025q4"))
    cycle = by_name("2025-Q4")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/appraisals/cycles/{cycle.id}")
    assert cycle.period_kind == PeriodKind.QUARTER and cycle.stage == CycleStage.SETUP
    assert (cycle.first_on.isoformat(), cycle.last_on.isoformat()) == ("2025-10-01", "2025-12-31")
    assert hr.post("/appraisals/cycles/new", data=cycle_form("2025-11")).status_code == 302
    assert by_name("2025-11").period_kind == PeriodKind.MONTH
    assert hr.post("/appraisals/cycles/new", data=cycle_form("2024")).status_code == 302
    again = hr.post("/appraisals/cycles/new", data=cycle_form("2025-Q4")).get_data(as_text=True)
    assert "A cycle of this name already exists." in again


def test_deadlines_and_guide_are_checked(app, scene):
    hr = login_en(app, "hr")
    page = hr.post("/appraisals/cycles/new", data=cycle_form(days=(14, 7, 21))).get_data(as_text=True)
    assert "The deadlines go in order" in page
    page = hr.post("/appraisals/cycles/new", data=cycle_form(days=(-3, 7, 21))).get_data(as_text=True)
    assert "A deadline cannot be in the past." in page
    page = hr.post("/appraisals/cycles/new", data=cycle_form(guide_top="30")).get_data(as_text=True)
    assert "add up to 100" in page
    page = hr.post("/appraisals/cycles/new", data=cycle_form("2025-W10")).get_data(as_text=True)
    assert "Give a period such as" in page
    assert by_name("2025-Q4") is None


def test_edit_with_version(app, scene):
    hr = login_en(app, "hr")
    cycle = scene.cycle
    url = f"/appraisals/cycles/{cycle.id}/edit"
    assert hr.get(url).status_code == 200
    data = cycle_form(respond_days="10") | {"version_id": cycle.version_id}
    assert hr.post(url, data=data).status_code == 302
    assert reload(cycle).respond_days == 10
    response = hr.post(url, data=data | {"respond_days": "12"})  # the old version again
    assert response.status_code == 409 and "Someone else changed" in response.get_data(as_text=True)
    assert reload(cycle).respond_days == 10


def test_extend_a_deadline_tells_the_people_concerned(app, scene):
    cycle = scene.cycle
    open_cycle(scene.hr, cycle, cycle.version_id)
    db.session.commit()
    cycle = reload(cycle)
    hr = login_en(app, "hr")
    url = f"/appraisals/cycles/{cycle.id}/extend"
    earlier = {"version_id": cycle.version_id, "field": "self_due_on", "reason": "系统维护",
               "new_day": (cycle.self_due_on - timedelta(days=1)).isoformat()}
    assert "must be later than the current one" in hr.post(url, data=earlier).get_data(as_text=True)
    beyond = earlier | {"new_day": (cycle.head_due_on + timedelta(days=1)).isoformat()}
    assert "extend that one first" in hr.post(url, data=beyond).get_data(as_text=True)
    no_reason = earlier | {"reason": "", "new_day": cycle.head_due_on.isoformat()}
    before = cycle.self_due_on
    assert hr.post(url, data=no_reason).status_code == 200 and reload(cycle).self_due_on == before
    new_day = cycle.head_due_on
    response = hr.post(url, data=earlier | {"new_day": new_day.isoformat()})
    assert response.status_code == 302
    assert reload(cycle).self_due_on == new_day
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "appraisal_cycle.extend")).one()
    assert entry.after == {"self_due_on": new_day.isoformat(), "reason": "系统维护"}
    texts = notices(scene.staff, DEADLINE)
    assert len(texts) == 1 and "系统维护" in texts[0] and "自评" in texts[0]
    assert len(notices(scene.other_staff, DEADLINE)) == 1 and not notices(scene.hr, DEADLINE)


def test_add_a_person_on_the_page(app, scene, make_staff):
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    db.session.commit()
    late = make_staff(scene.housekeeping, hire_on=scene.cycle.last_on)
    hr = login_en(app, "hr")
    page = hr.get(f"/appraisals/cycles/{scene.cycle.id}").get_data(as_text=True)
    assert f'data-staff-id="{late.id}"' in page  # listed without an appraisal
    url = f"/appraisals/cycles/{scene.cycle.id}/add-person"
    assert hr.post(url, data={"staff_number": late.staff_number}).status_code == 302
    assert db.session.scalar(sa.select(Appraisal.id).where(Appraisal.staff_id == late.id))
    again = hr.post(url, data={"staff_number": late.staff_number}).get_data(as_text=True)
    assert "already has an appraisal in this cycle" in again


def test_who_sees_what(app, scene):
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    db.session.commit()
    url = f"/appraisals/cycles/{scene.cycle.id}"
    hr_page = login_en(app, "hr").get(url).get_data(as_text=True)
    assert 'data-department="HK"' in hr_page and 'id="move-to_head_scoring"' in hr_page
    head_page = login_en(app, "head").get(url).get_data(as_text=True)
    assert 'data-department="FO-DESK"' in head_page and 'data-department="HK"' not in head_page
    assert 'id="cycle-actions"' not in head_page
    staff_page = login_en(app, "staff").get(url).get_data(as_text=True)
    assert 'id="progress-table"' not in staff_page and 'id="my-status"' in staff_page
    staff_list = login_en(app, "staff").get("/appraisals/cycles/").get_data(as_text=True)
    assert scene.cycle.name in staff_list and "Waiting for self-assessment" in staff_list
    hr_list = login(app, "hr").get("/appraisals/cycles/?stage=self_assessment&q=Q").get_data(as_text=True)
    assert f'data-cycle-id="{scene.cycle.id}"' in hr_list
    empty = login(app, "hr").get("/appraisals/cycles/?stage=closed").get_data(as_text=True)
    assert 'id="no-cycles"' in empty
