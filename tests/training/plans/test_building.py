"""Building a plan from the sources (plans/building.py), through the page's "Fill from sources" button: positions'
required training for those who have not completed it, induction for the expected new hires, the open needs; and
that filling twice adds nothing twice."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.training.plans import building
from hrapp.blueprints.training.plans.needs import raise_need
from hrapp.extensions import db
from hrapp.models import NeedSource, NeedStatus, PlanItem, PlanSource, Presence, TrainingNeed
from tests.conftest import count

from .conftest import YEAR, hire_last_year, login, new_plan, plan_of


def _scene(site, make_session, make_enrolment, make_attempt):
    """The desk clerk passed fire safety; the second clerk passed etiquette; two hires last Q3, one in 2025."""
    fire_session = make_session(site.fire)
    make_attempt(fire_session, site.desk_staff, "80")
    etiquette_session = make_session(site.etiquette)
    make_enrolment(etiquette_session, site.clerk2, presence=Presence.PRESENT)
    make_attempt(etiquette_session, site.clerk2, "75")
    hire_last_year(site.desk_staff, site.front_desk, date(YEAR - 1, 7, 15))
    hire_last_year(site.clerk2, site.front_desk, date(YEAR - 1, 9, 30))
    hire_last_year(site.head_staff, site.front, date(YEAR - 2, 2, 1))  # the year before: not counted
    site.fire_need = raise_need(site.front, "", site.hr, staff=site.desk_staff, course=site.fire)
    site.topic_needs = [raise_need(site.front, "投诉处理", site.head, staff=site.desk_staff),
                        raise_need(site.front, "投诉处理", site.head, source=NeedSource.QUALITY)]
    site.desk_need = raise_need(site.front_desk, "交接班", site.head)  # the sub-department's own: not FO's
    db.session.commit()


def _items(department):
    plan = plan_of(department)
    rows = db.session.scalars(sa.select(PlanItem).where(PlanItem.plan_id == plan.id).order_by(PlanItem.id))
    return {(i.source, i.course_id, i.title, i.quarter): (i.people, i.hours) for i in rows}


def _fill(client, department):
    plan = plan_of(department)
    return client.post(f"/training/plans/{plan.id}/fill", data={"version_id": plan.version_id})


def test_each_source_gives_its_items(client, auth, site, make_session, make_enrolment, make_attempt):
    _scene(site, make_session, make_enrolment, make_attempt)
    login(client, auth, "head")
    assert new_plan(client, site.front).status_code == 302
    response = _fill(client, site.front)
    assert response.status_code == 302
    items = _items(site.front)
    assert items == {
        (PlanSource.REQUIRED, site.etiquette.id, "", 1): (1, Decimal("4.0")),  # the desk clerk has not attended
        (PlanSource.REQUIRED, site.fire.id, "", 1): (1, Decimal("2.0")),  # the second clerk has not passed
        (PlanSource.NEW_HIRES, site.etiquette.id, "", 3): (2, Decimal("4.0")),  # last year's two Q3 hires
        (PlanSource.NEED, site.fire.id, "", 2): (1, Decimal("2.0")),
        (PlanSource.NEED, None, "投诉处理", 2): (2, Decimal("0.0")),
    }
    db.session.expire_all()
    taken = db.session.scalars(sa.select(TrainingNeed).where(TrainingNeed.status == NeedStatus.PLANNED)).all()
    assert {n.id for n in taken} == {site.fire_need.id, *(n.id for n in site.topic_needs)}
    assert all(n.plan_item_id is not None for n in taken)
    assert db.session.get(TrainingNeed, site.desk_need.id).status == NeedStatus.OPEN


def test_filling_twice_adds_nothing_twice_and_a_new_need_joins_its_item(client, auth, site, make_session,
                                                                        make_enrolment, make_attempt):
    _scene(site, make_session, make_enrolment, make_attempt)
    login(client, auth, "head")
    new_plan(client, site.front)
    _fill(client, site.front)
    first = _items(site.front)
    response = _fill(client, site.front)
    assert response.status_code == 302
    assert "Nothing new from the sources" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert _items(site.front) == first and count(PlanItem) == len(first)
    raise_need(site.front, "投诉处理", site.hr, staff=site.clerk2)
    db.session.commit()
    _fill(client, site.front)
    after = _items(site.front)
    assert after[(PlanSource.NEED, None, "投诉处理", 2)] == (3, Decimal("0.0")) and len(after) == len(first)


def test_a_stale_fill_is_refused_and_adds_nothing(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front)
    plan = plan_of(site.front)
    response = client.post(f"/training/plans/{plan.id}/fill", data={"version_id": plan.version_id - 1})
    assert response.status_code == 409 and "Someone else changed this record" in response.get_data(as_text=True)
    assert count(PlanItem) == 0


def test_expected_hires_cover_the_headcount_gap(site):
    site.front_desk.planned_headcount = 7  # FO 1 + FO-DESK 7 = 8 planned, 3 active: 5 to hire
    db.session.commit()
    assert building.expected_new_hires(site.front, YEAR) == (2, 1, 1, 1)
    hire_last_year(site.clerk2, site.front_desk, date(YEAR - 1, 11, 1))
    hire_last_year(site.desk_staff, site.front_desk, date(YEAR - 1, 12, 1))
    assert building.expected_new_hires(site.front, YEAR) == (2, 1, 1, 2)


def test_nothing_required_once_everyone_completed(site, make_session, make_enrolment, make_attempt):
    etiquette, fire = make_session(site.etiquette), make_session(site.fire)
    for person in (site.desk_staff, site.clerk2):
        make_enrolment(etiquette, person, presence=Presence.PRESENT)
        make_attempt(etiquette, person, "80")
        make_attempt(fire, person, "90")
    db.session.commit()
    assert building.required_items(site.front) == []
    assert building.required_items(site.housekeeping) == []


def test_present_but_failed_still_needs_an_assessed_course(site, make_session, make_enrolment, make_attempt):
    """Completing an assessed course is passing it: someone who sat it and failed is still counted."""
    fire = make_session(site.fire)
    for person in (site.desk_staff, site.clerk2):
        make_enrolment(fire, person, presence=Presence.PRESENT)
    make_attempt(fire, site.desk_staff, "90")
    make_attempt(fire, site.clerk2, "10")
    db.session.commit()
    people = {i.course_id: i.people for i in building.required_items(site.front)}
    assert people.get(site.fire.id) == 1


def test_removing_a_need_item_opens_its_needs_again(client, auth, site, make_session, make_enrolment, make_attempt):
    _scene(site, make_session, make_enrolment, make_attempt)
    login(client, auth, "head")
    new_plan(client, site.front)
    _fill(client, site.front)
    item = db.session.scalar(sa.select(PlanItem).where(PlanItem.source == PlanSource.NEED, PlanItem.course_id.is_(None)))
    assert client.post(f"/training/plans/items/{item.id}/remove", data={"version_id": item.version_id}).status_code == 302
    db.session.expire_all()
    reopened = [db.session.get(TrainingNeed, n.id) for n in site.topic_needs]
    assert all(n.status == NeedStatus.OPEN and n.plan_item_id is None for n in reopened)
    _fill(client, site.front)  # and the next fill plans them again
    assert _items(site.front)[(PlanSource.NEED, None, "投诉处理", 2)] == (2, Decimal("0.0"))
