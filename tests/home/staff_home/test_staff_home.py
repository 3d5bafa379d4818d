"""The staff home through HTTP: each panel's content and empty state, the punch through the capture part's own
endpoint, and the statement budget (at most 10 per request)."""
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.blueprints.home.staff_home import routes as staff_home_routes
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster, save_shift_type
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import (
    AppraisalStatus,
    AttendanceDay,
    CycleStage,
    DayStatus,
    PeriodKind,
    Punch,
    RewardState,
    Role,
    RuleKind,
    ShiftSwap,
    ViolationState,
)
from hrapp.models.base import utcnow
from tests.roster.fixtures import ROTATION, TYPES

URL = "/home/me/"
BUDGET = 10


def html(response) -> str:
    assert response.status_code == 200
    return response.get_data(as_text=True)


def panel(page: str, element_id: str) -> str:
    """The HTML of the <section id=...> panel."""
    found = re.search(rf'<section[^>]*id="{element_id}".*?</section>', page, re.S)
    assert found, element_id
    return found.group(0)


@pytest.fixture
def me(org, make_staff, make_user):
    """A front office member with an account ("hsme") and a colleague ("hsmate"), shift types of the front office."""
    org.types = {t.code: save_shift_type(org.hr, org.front, t) for t in TYPES}
    org.me = make_staff(org.front, name_zh="何一天", staff_number="HS0001")
    org.mate = make_staff(org.front, name_zh="邓同事", staff_number="HS0002")
    org.me_user = make_user(Role.STAFF, "hsme", staff=org.me)
    make_user(Role.STAFF, "hsmate", staff=org.mate)
    db.session.commit()
    return org


def publish_month(o, first: date):
    roster = create_roster(o.head, o.front, PeriodKind.MONTH, first)
    db.session.flush()
    apply_pattern(o.head, roster, ROTATION, {o.me.id: 0, o.mate.id: 2}, None)
    publish_roster(o.hr, roster, None, override_reason="测试：轮班跨月")  # the rotation may cross hard rules at a month edge
    db.session.commit()
    return roster


def test_empty_states(app, client, me, auth):
    auth.login("hsme")
    page = html(client.get(URL))
    assert 'id="today-no-shift"' in page and 'id="no-next-shifts"' in page
    assert 'id="nothing-waiting"' in page and 'id="no-money"' in page and 'id="month-empty"' in page
    assert 'id="home-punch-button"' in page


def _month_first(today: date) -> date:
    return today.replace(day=1)


@pytest.fixture
def scene(me, leave_types, make_entitlement, make_rule, make_violation, make_reward, make_template, make_cycle,
          make_appraisal, make_course, make_session, make_enrolment):
    """The person's day: rosters of this month and the next, a few reconciled days, an annual entitlement, the
    month's conduct records, two appraisals, a training place and a swap asked of them (and records of others,
    of other months and of other states that must not show)."""
    o, today = me, company_today()
    first = _month_first(today)
    o.roster = publish_month(o, first)
    publish_month(o, (first + timedelta(days=32)).replace(day=1))
    statuses = (DayStatus.LATE, DayStatus.LATE_AND_EARLY, DayStatus.ABSENT, DayStatus.MISSING_PUNCH,
                DayStatus.PRESENT, DayStatus.EARLY)
    for n, status in enumerate(statuses):
        db.session.add(AttendanceDay(staff_id=o.me.id, day=first + timedelta(days=n), department_id=o.front.id,
                                     status=status, late_minutes=7 if status == DayStatus.LATE else 0))
    db.session.add(AttendanceDay(staff_id=o.mate.id, day=first, department_id=o.front.id, status=DayStatus.ABSENT))
    make_entitlement(o.me, today.year, granted=5)
    month, at = today.strftime("%Y-%m"), datetime.combine(first, datetime.min.time()) + timedelta(hours=2)
    fine, compensation = make_rule(kind=RuleKind.FINE_RANGE), make_rule(kind=RuleKind.COMPENSATION)
    bonus = make_rule(kind=RuleKind.BONUS)
    o.notice = make_violation(o.me, fine, state=ViolationState.SUBMITTED, occurred_at=at, ledger_month=month,
                              respond_by=today + timedelta(days=3), amount=Decimal("20.00"))
    make_violation(o.me, fine, amount=Decimal("50.00"), occurred_at=at, ledger_month=month)
    make_violation(o.me, compensation, amount=Decimal("30.50"), occurred_at=at, ledger_month=month)
    make_violation(o.me, fine, amount=Decimal("99.00"), occurred_at=at - timedelta(days=40),
                   ledger_month=(first - timedelta(days=1)).strftime("%Y-%m"))
    make_violation(o.mate, fine, amount=Decimal("77.00"), occurred_at=at, ledger_month=month)
    make_reward(o.me, bonus, amount=Decimal("200.00"), awarded_on=first, ledger_month=month)
    make_reward(o.me, bonus, amount=Decimal("500.00"), awarded_on=first, ledger_month=month, state=RewardState.DRAFT)
    template = make_template()
    o.self_review = make_appraisal(make_cycle(name="HS-自评", stage=CycleStage.SELF_ASSESSMENT), o.me, template)
    o.result = make_appraisal(make_cycle(name="HS-结果", stage=CycleStage.PUBLISHED, first_on=date(2025, 1, 1)),
                              o.me, template, status=AppraisalStatus.PUBLISHED, respond_by=today + timedelta(days=5))
    course = make_course(title="消防演练")
    o.session = make_session(course)
    make_enrolment(o.session, o.me)
    make_enrolment(make_session(course, starts_at=utcnow() - timedelta(days=3)), o.me)
    day = max(first + timedelta(days=20), today)
    o.swap = ShiftSwap(roster_id=o.roster.id, requester_id=o.mate.id,
                       partner_id=o.me.id, requester_day=day, partner_day=day)
    db.session.add(o.swap)
    db.session.commit()
    return o


def test_shifts_today_and_next(app, client, scene, auth):
    today = company_today()
    auth.login("hsme")
    page = html(client.get(URL))
    cells = {str(day): code for day, code in db.session.execute(sa.text(
        "SELECT c.day, t.code FROM roster_cells c JOIN shift_types t ON t.id = c.shift_type_id "
        "WHERE c.staff_id = :s"), {"s": scene.me.id})}  # str: a date on PostgreSQL, text on SQLite
    todays = panel(page, "home-today")
    assert f'data-code="{cells[today.isoformat()]}"' in todays
    upcoming = panel(page, "home-next-shifts")
    listed = re.findall(r'data-day="([0-9-]+)"', upcoming)
    assert 0 < len(listed) <= 5 and all(d > today.isoformat() for d in listed)
    work = sorted(d for d, code in cells.items() if d > today.isoformat() and code not in ("休", "假"))
    assert listed == work[:len(listed)]


def test_month_marks_and_strip(app, client, scene, auth):
    auth.login("hsme")
    page = html(client.get(URL))
    month = panel(page, "home-month")
    counts = {k: re.search(rf'id="marks-{k}">(\d+)<', month).group(1) for k in ("late", "early", "absent", "missing")}
    assert counts == {"late": "2", "early": "2", "absent": "1", "missing": "1"}  # late-and-early counts in both
    first = _month_first(company_today())
    assert f'data-day="{first.isoformat()}" data-status="late"' in month
    assert "/attendance/me" in month and 'id="month-empty"' not in month


def test_balances(app, client, scene, auth):
    auth.login("hsme")
    balances = panel(html(client.get(URL)), "home-balances")
    annual = re.search(r'data-type="annual".*?class="balance-available">([^<]+)<', balances, re.S)
    assert annual and annual.group(1).startswith("5")


def test_waiting_items_with_links_and_deadlines(app, client, scene, auth):
    auth.login("hsme")
    waiting = panel(html(client.get(URL)), "home-waiting")
    kinds = re.findall(r'data-kind="(\w+)" data-id="(\d+)"', waiting)
    assert sorted(kinds) == sorted([("notice", str(scene.notice.id)), ("self_assessment", str(scene.self_review.id)),
                                    ("result", str(scene.result.id)), ("training", str(scene.session.id)),
                                    ("swap", str(scene.swap.id))])
    assert f"/conduct/violations/{scene.notice.id}" in waiting
    assert f"/appraisals/{scene.self_review.id}/self" in waiting
    assert f"/training/sessions/{scene.session.id}" in waiting
    assert f"/roster/{scene.swap.roster_id}/swaps/{scene.swap.id}" in waiting
    assert "消防演练" in waiting and scene.notice.number in waiting and "邓同事" in waiting


def test_fines_and_rewards_of_the_month(app, client, scene, auth):
    auth.login("hsme")
    money = panel(html(client.get(URL)), "home-money")
    assert re.search(r'id="money-fines">50\.00<', money)
    assert re.search(r'id="money-compensation">30\.50<', money)
    assert re.search(r'id="money-rewards">200\.00<', money)


def test_others_see_their_own_day(app, client, scene, auth):
    auth.login("hsmate")
    page = html(client.get(URL))
    assert 'id="nothing-waiting"' in page
    assert re.search(r'id="money-fines">77\.00<', page)
    assert re.search(r'id="marks-absent">1<', page)


def test_statement_budget(app, client, scene, auth, statements):
    auth.login("hsme")
    client.get(URL)
    with statements() as seen:
        html(client.get(URL))
    assert len(seen) <= BUDGET, "\n".join(" ".join(s.split())[:120] for s in seen)


def test_punch_from_the_home_goes_through_the_capture_endpoint(app, client, me, auth):
    auth.login("hsme")
    page = html(client.get(URL))
    assert 'action="/attendance/punch"' in page
    response = client.post("/attendance/punch", data={})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch).where(Punch.staff_id == me.me.id)) == 1


def test_punch_refused_outside_the_company_network(app, client, me, auth):
    settings = attendance_settings()
    settings.web_punch_networks = "10.9.0.0/16"
    db.session.add(settings)
    db.session.commit()
    auth.login("hsme")
    page = html(client.get(URL))
    assert 'id="home-punch-refused"' in page and 'id="home-punch-button"' not in page


def test_last_nights_shift_shows_today_while_under_way(app, client, me, auth, monkeypatch):
    """At 02:00 during last night's 22:00-06:00 shift, "Today" shows that shift (today itself is a rest day)."""
    publish_month(me, date(2026, 3, 1))  # the rotation gives the person 夜 on 5 March, 休 on the 6th
    monkeypatch.setattr(staff_home_routes, "utcnow", lambda: datetime(2026, 3, 5, 18))  # 6 March 02:00 in China
    auth.login("hsme")
    todays = panel(html(client.get(URL)), "home-today")
    assert 'data-code="夜"' in todays and 'data-code="休"' in todays
    monkeypatch.setattr(staff_home_routes, "utcnow", lambda: datetime(2026, 3, 5, 23))  # 07:00: the shift is over
    todays = panel(html(client.get(URL)), "home-today")
    assert 'data-code="夜"' not in todays and 'data-code="休"' in todays


def test_english_ui_names_shifts_and_departments_in_english(app, client, scene, auth):
    scene.front.name_en = "Front Office"
    db.session.commit()
    english = {t.code: t.name_en for t in TYPES}
    chinese = {t.code: t.name for t in TYPES}
    auth.login("hsme")
    client.post("/auth/locale/en", data={"next": "/"})
    page = html(client.get(URL))
    code = re.search(r'<li data-code="([^"]+)"', panel(page, "home-today")).group(1)
    todays = panel(page, "home-today")
    assert english[code] in todays and "Front Office" in todays
    assert chinese[code] not in todays.replace(f'data-code="{code}"', "") and scene.front.name not in todays
    upcoming = panel(page, "home-next-shifts")
    assert all(name not in upcoming for name in chinese.values())
