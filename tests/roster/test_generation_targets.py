"""Generation meets contracted working days and who may work which shift: the February case through the grid,
and the work terms services (fallback person -> position -> company, validation, audit)."""
import re
from collections import Counter
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.rules.targets import WorkTerms
from hrapp.blueprints.roster.services import (
    RosterValidationError,
    create_roster,
    save_shift_type,
    set_demand,
    sync_company_holidays,
)
from hrapp.blueprints.roster.services.terms import (
    resolved_terms,
    set_work_terms,
    terms_row,
    update_work_defaults,
    work_defaults,
    work_defaults_version,
)
from hrapp.extensions import db
from hrapp.models import AuditEntry, PeriodKind, RosterCell, ShiftType
from tests.roster.fixtures import TYPES

FEB = date(2026, 2, 1)  # Spring Festival 15-23 February: 16 company working days
OFFICE = ShiftTypeData("常", "常日班", WORK, time(9), time(18), 60, "Office", "#00897b")


@pytest.fixture
def february(org, make_staff, make_position):
    """FO with 早/中/夜 needed once a day, the manager (head_staff, position FO-MGR: 常 on office days only)
    and five staff on the company default; a draft February 2026 roster."""
    o = org
    types = {t.code: save_shift_type(o.hr, o.front, t) for t in (*TYPES, OFFICE)}
    for code in ("早", "中", "夜"):
        for weekday in range(7):
            set_demand(o.hr, o.front, types[code], 1, weekday=weekday)
    sync_company_holidays(o.hr, 2026)
    o.manager_position = make_position("FO-MGR", "前厅经理", o.front)
    o.head_staff.position_id = o.manager_position.id
    set_work_terms(o.hr, WorkTerms(shift_codes=frozenset({"常"}), office_days_only=True),
                   position=o.manager_position)
    o.crew = [make_staff(o.front, name_zh=f"前台{i}") for i in range(5)]
    o.roster = create_roster(o.head, o.front, PeriodKind.MONTH, FEB)
    db.session.commit()
    return o


def _cells(roster) -> dict[int, dict[date, str]]:
    rows = db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day, ShiftType.code)
                              .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == roster.id))
    out: dict[int, dict[date, str]] = {}
    for staff_id, day, code in rows:
        out.setdefault(staff_id, {})[day] = code
    return out


def test_generated_february_meets_each_persons_working_days_and_the_manager_works_office_days(
        client, auth, february):
    o = february
    auth.login("head")
    client.post("/auth/locale/en")
    response = client.post(f"/roster/{o.roster.id}/generate",
                           data={"generate-expected_version": str(o.roster.version_id)}, follow_redirects=True)
    assert "Roster generated" in response.get_data(as_text=True)
    cells = _cells(o.roster)
    for person in o.crew:  # 21.75 days a month, tolerance 1: 21 or 22 working days, not 12
        worked = sum(1 for code in cells[person.id].values() if code in ("早", "中", "夜", "常"))
        assert 21 <= worked <= 22, (person.name_zh, worked)
    manager = cells[o.head_staff.id]
    assert set(manager.values()) <= {"常", "休"}  # never on nights, nor early/late
    worked_days = {d for d, code in manager.items() if code == "常"}
    assert 15 <= len(worked_days) <= 16
    assert all(d.weekday() < 5 or d in (date(2026, 2, 14), date(2026, 2, 28)) for d in worked_days)
    assert not worked_days & {date(2026, 2, 16) + timedelta(days=i) for i in range(5)}  # Spring Festival
    # Demand still met every day.
    counts = Counter((d, code) for person in cells.values() for d, code in person.items())
    assert all(counts[(FEB + timedelta(days=i), code)] >= 1 for i in range(28) for code in ("早", "中", "夜"))


def test_a_target_that_cannot_be_met_is_explained_after_generation(client, auth, february):
    o = february
    set_work_terms(o.hr, WorkTerms(days_per_month=Decimal("30")), staff=o.crew[0])  # more than the rules allow
    db.session.commit()
    auth.login("head")
    client.post("/auth/locale/en")
    page = client.post(f"/roster/{o.roster.id}/generate",
                       data={"generate-expected_version": str(o.roster.version_id)},
                       follow_redirects=True).get_data(as_text=True)
    assert "Roster generated" in page
    line = re.search(r"Working days outside the contracted range:[^<]*", page).group(0)
    assert o.crew[0].staff_number in line and "29–31" in line
    assert o.crew[1].staff_number not in line


def test_terms_fall_back_from_person_to_position_to_company(february):
    o = february
    update_work_defaults(o.hr, Decimal("22"), Decimal("0.5"))
    set_work_terms(o.hr, WorkTerms(days_per_month=Decimal("10")), staff=o.head_staff)
    terms = resolved_terms([o.head_staff, o.crew[0]])
    manager, crew = terms[o.head_staff.id], terms[o.crew[0].id]
    assert manager.days_per_month == Decimal("10") and manager.shift_codes == {"常"} and manager.office_days_only
    assert crew.days_per_month == Decimal("22") and crew.shift_codes is None and not crew.office_days_only


def test_terms_are_validated_audited_and_removed_when_empty(february):
    o = february
    with pytest.raises(RosterValidationError) as caught:
        set_work_terms(o.hr, WorkTerms(shift_codes=frozenset({"X"})), staff=o.crew[0])
    assert "shift_codes" in caught.value.errors
    with pytest.raises(RosterValidationError):
        set_work_terms(o.hr, WorkTerms(days_per_month=Decimal("40")), staff=o.crew[0])
    with pytest.raises(RosterValidationError):
        update_work_defaults(o.hr, Decimal("21.75"), Decimal("12"))
    assert set_work_terms(o.hr, WorkTerms(), position=o.manager_position) is None
    assert resolved_terms([o.head_staff])[o.head_staff.id].shift_codes is None
    actions = set(db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.like("roster_terms.%"))))
    assert actions == {"roster_terms.set", "roster_terms.remove"}


def test_hr_sets_a_persons_terms_and_the_company_default_on_the_work_terms_page(client, auth, february):
    o = february
    auth.login("hr")
    client.post("/auth/locale/en")
    page = client.get(f"/roster/departments/{o.front.id}/work-terms").get_data(as_text=True)
    assert "FO-MGR" in page and "Office days only" in page
    response = client.post(f"/roster/departments/{o.front.id}/work-terms", data={
        "subject": f"s{o.crew[0].id}", "days_per_month": "20", "shift_codes": ["早", "中"], "days": "any",
        "version_id": "0"})
    assert response.status_code == 302
    terms = resolved_terms([o.crew[0]])[o.crew[0].id]
    assert terms.days_per_month == Decimal("20") and terms.shift_codes == {"早", "中"} and not terms.office_days_only
    response = client.post(f"/roster/departments/{o.front.id}/working-days",
                           data={"defaults-days_per_month": "22", "defaults-tolerance": "0.5",
                                 "defaults-version_id": str(work_defaults_version())})
    assert response.status_code == 302
    assert resolved_terms([o.crew[1]])[o.crew[1].id].days_per_month == Decimal("22")


def test_work_terms_edits_carry_their_version(client, auth, february):
    """The Edit link fills the form with the terms and their version; a second editor's old page is refused,
    a blank form for someone who already has terms says so, and an old company-default page is refused."""
    o = february
    auth.login("hr")
    url = f"/roster/departments/{o.front.id}/work-terms"
    subject = f"s{o.crew[0].id}"
    assert client.post(url, data={"subject": subject, "days_per_month": "20", "days": "any",
                                  "version_id": "0"}).status_code == 302
    row = terms_row(staff=o.crew[0])
    page = client.get(url, query_string={"subject": subject}).get_data(as_text=True)
    assert f'name="version_id" type="hidden" value="{row.version_id}"' in page and 'value="20.00"' in page
    seen = row.version_id
    assert client.post(url, data={"subject": subject, "days_per_month": "19", "days": "any",
                                  "version_id": str(seen)}).status_code == 302
    page = client.post(url, data={"subject": subject, "days_per_month": "18", "days": "any",
                                  "version_id": str(seen)}).get_data(as_text=True)
    assert "该记录已被他人修改" in page
    page = client.post(url, data={"subject": subject, "days_per_month": "17", "days": "any",
                                  "version_id": "0"}).get_data(as_text=True)
    assert "编辑" in page and "已设定" in page
    db.session.expire_all()
    assert resolved_terms([o.crew[0]])[o.crew[0].id].days_per_month == Decimal("19")
    defaults_url = f"/roster/departments/{o.front.id}/working-days"
    old = work_defaults_version()
    assert client.post(defaults_url, data={"defaults-days_per_month": "22", "defaults-tolerance": "1",
                                           "defaults-version_id": str(old)}).status_code == 302
    page = client.post(defaults_url, data={"defaults-days_per_month": "20", "defaults-tolerance": "1",
                                           "defaults-version_id": str(old)}).get_data(as_text=True)
    assert "该记录已被他人修改" in page
    db.session.expire_all()
    assert work_defaults()[0] == Decimal("22")


def test_the_work_terms_page_refuses_bad_terms_and_other_departments_people(client, auth, february):
    o = february
    auth.login("hr")
    client.post("/auth/locale/en")
    url = f"/roster/departments/{o.front.id}/work-terms"
    page = client.post(url, data={"subject": f"s{o.crew[0].id}", "days_per_month": "40"}).get_data(as_text=True)
    assert "between 0 and 31" in page
    assert client.post(url, data={"subject": f"s{o.hk_staff.id}", "days": "any"}).status_code == 404
    assert client.post(url, data={"subject": "x1", "days": "any"}).status_code == 404
    page = client.post(f"/roster/departments/{o.front.id}/working-days",
                       data={"defaults-days_per_month": "21.75", "defaults-tolerance": "20"}).get_data(as_text=True)
    assert "between 0 and 10 days" in page
