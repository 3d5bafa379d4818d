"""Swaps with a rule recheck, rest owed, my schedule, the ICS feed and its token, and the demo rosters."""
import random
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from hrapp import notifications
from hrapp.blueprints.roster.ics import IcsShift, build_ics
from hrapp.blueprints.roster.services import (
    CellEdit,
    RosterBreachError,
    RosterValidationError,
    accept_swap,
    adjust_rest_owed,
    approve_swap,
    cancel_swap,
    feed_ics,
    fill_range,
    issue_feed_token,
    my_changes,
    my_schedule,
    propose_swap,
    publish_roster,
    reject_swap,
    rest_owed_balance,
    rest_owed_ledger,
    revoke_feed_tokens,
    seed_rosters,
    set_cells,
    set_company_day,
    swap_breaches,
    sync_company_holidays,
    user_for_feed_token,
)
from hrapp.core.workflow import TransitionRefused
from hrapp.extensions import db
from hrapp.models import (
    DayKind,
    Notification,
    Role,
    Roster,
    RosterChange,
    RosterStatus,
    ShiftType,
    SwapStatus,
)
from tests.leave.fixtures import write_leave


def day(n: int) -> date:
    return date(2026, 3, n)


@pytest.fixture
def published(world, make_user):
    """b works 早 Monday-Friday 2-6 March, rests 7-8; c works 中 Tuesday-Saturday 3-7, rests 2 and 8."""
    set_cells(world.head, world.roster, [CellEdit(world.b.id, day(n), "早") for n in range(2, 7)]
              + [CellEdit(world.c.id, day(n), "中") for n in range(3, 8)]
              + [CellEdit(world.b.id, day(n), "休") for n in (7, 8)]
              + [CellEdit(world.c.id, day(n), "休") for n in (2, 8)])
    publish_roster(world.head, world.roster, None)
    world.c_user = make_user(Role.STAFF, "lisi", staff=world.c)
    db.session.commit()
    db.session.execute(sa.delete(Notification))
    return world


def codes(world, staff, days):
    rows = {(c.staff_id, c.day): c.shift_type.code for c in world.roster.cells}
    return [rows.get((staff.id, day(n))) for n in days]


class TestSwaps:
    def test_full_flow_with_recheck_and_tracking(self, published):
        w = published
        swap = propose_swap(w.b_user, w.roster, w.b, day(4), w.c, day(4), note="doctor")
        db.session.commit()
        assert [n.user_id for n in db.session.scalars(sa.select(Notification))] == [w.c_user.id]
        with pytest.raises(TransitionRefused):  # the head cannot approve before the partner accepts
            approve_swap(w.head, swap)
        accept_swap(w.c_user, swap)
        db.session.commit()
        assert w.head.id in {n.user_id for n in db.session.scalars(sa.select(Notification))}
        # b: 早 Tue, 中 Wed, 早 Thu -> 中 ends 22:00, 早 starts 07:00: the recheck finds the breach.
        assert [b.rule for b in swap_breaches(swap)] == ["rest_too_short", "rest_too_short"]
        with pytest.raises(RosterBreachError):
            approve_swap(w.head, swap)
        db.session.rollback()
        assert codes(w, w.b, [4]) == ["早"] and swap.status == SwapStatus.ACCEPTED

    def test_swap_of_two_days_applies_as_tracked_change(self, published):
        w = published
        # b takes c's Saturday late shift, c takes b's Monday early: each still works five days.
        swap = propose_swap(w.b_user, w.roster, w.b, day(2), w.c, day(7))
        accept_swap(w.c_user, swap)
        assert swap_breaches(swap) == []
        changed = approve_swap(w.head, swap, note="ok")
        db.session.commit()
        assert changed == 4 and swap.status == SwapStatus.APPROVED and swap.decided_by_id == w.head.id
        assert codes(w, w.b, [2, 7]) == ["休", "中"] and codes(w, w.c, [2, 7]) == ["早", "休"]
        tracked = db.session.scalars(sa.select(RosterChange).where(RosterChange.swap_id == swap.id)).all()
        assert len(tracked) == 4 and all(t.reason and t.changed_by_id == w.head.id for t in tracked)
        assert {c.day for c in my_changes(w.b.id)} == {day(2), day(7)}
        told = {n.user_id for n in db.session.scalars(sa.select(Notification))}
        assert {w.b_user.id, w.c_user.id} <= told

    def test_bad_proposals(self, published):
        w = published
        with pytest.raises(RosterValidationError):
            propose_swap(w.b_user, w.roster, w.b, day(4), w.b, day(4))
        with pytest.raises(RosterValidationError):  # both rest that day: nothing to swap
            propose_swap(w.b_user, w.roster, w.b, day(8), w.c, day(8))
        with pytest.raises(RosterValidationError):
            propose_swap(w.b_user, w.roster, w.b, date(2026, 4, 1), w.c, date(2026, 4, 1))

    def test_only_open_swaps_move_on(self, published):
        w = published
        swap = propose_swap(w.b_user, w.roster, w.b, day(4), w.c, day(4))
        cancel_swap(w.b_user, swap)
        with pytest.raises(TransitionRefused):
            accept_swap(w.c_user, swap)
        other = propose_swap(w.b_user, w.roster, w.b, day(5), w.c, day(5))
        reject_swap(w.head, other, "no")
        assert other.status == SwapStatus.REJECTED

    def test_swaps_need_a_published_roster(self, world):
        with pytest.raises(RosterValidationError):
            propose_swap(world.b_user, world.roster, world.b, day(4), world.c, day(4))


class TestRestOwed:
    def test_accrues_on_publish_and_follows_changes(self, world):
        sync_company_holidays(world.hr, 2026)
        set_company_day(world.hr, day(4), DayKind.HOLIDAY, "公司节日")
        # b works six nights Monday-Saturday (Saturday a rest day, Wednesday a holiday), rests Sunday.
        fill_range(world.head, world.roster, [world.b.id], day(2), day(7), "夜", None)
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(8), "休")])
        assert rest_owed_balance(world.b.id) == 0  # drafts accrue nothing
        publish_roster(world.head, world.roster, None)
        db.session.commit()
        assert rest_owed_balance(world.b.id) == Decimal(2)
        reasons = sorted(e.reason.value for e in rest_owed_ledger(world.b.id))
        assert reasons == ["worked_holiday", "worked_rest_day"]
        # Rest in lieu on Tuesday 10 March takes one back; HR records one more taken outside the roster.
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(10), "休")], reason="调休")
        adjust_rest_owed(world.hr, world.b, Decimal(-1), day(20), "补休 approved by HR")
        db.session.commit()
        assert rest_owed_balance(world.b.id) == 0
        assert rest_owed_balance(world.b.id, as_of=day(15)) == 1

    def test_rest_owed_leave_counts_as_taken(self, world):
        fill_range(world.head, world.roster, [world.b.id], day(7), day(8), "早", None)  # a weekend worked
        write_leave(world.b, day(11), day(11), "rest_owed")
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(11), "假")])
        publish_roster(world.head, world.roster, None)
        assert rest_owed_balance(world.b.id) == 1

    def test_adjustment_needs_days_and_a_note(self, world):
        with pytest.raises(RosterValidationError):
            adjust_rest_owed(world.hr, world.b, Decimal(0), day(1), "x")
        with pytest.raises(RosterValidationError):
            adjust_rest_owed(world.hr, world.b, Decimal(1), day(1), " ")


class TestScheduleAndIcs:
    def test_my_schedule_shows_published_rosters_only(self, world):
        fill_range(world.head, world.roster, [world.b.id], day(2), day(3), "夜", None)
        assert my_schedule(world.b.id, day(1), day(31)) == []
        assert len(my_schedule(world.b.id, day(1), day(31), include_drafts=True)) == 2
        publish_roster(world.head, world.roster, None)
        [first, _] = my_schedule(world.b.id, day(1), day(31))
        assert (first.code, first.start, first.end) == ("夜", datetime(2026, 3, 2, 22), datetime(2026, 3, 3, 6))

    def test_ics_parses_with_the_shifts_in_shanghai_time(self, world):
        fill_range(world.head, world.roster, [world.b.id], day(2), day(3), "夜", None)
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(4), "休")])
        publish_roster(world.head, world.roster, None)
        cal = Calendar.from_ical(feed_ics(world.b_user, day(10)))
        events = sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
        assert len(events) == 2  # the rest day is no event
        start, end = events[0].decoded("dtstart"), events[0].decoded("dtend")
        assert start == datetime(2026, 3, 2, 22, tzinfo=ZoneInfo("Asia/Shanghai"))
        assert end == datetime(2026, 3, 3, 6, tzinfo=ZoneInfo("Asia/Shanghai"))
        assert str(events[0]["dtstart"].params["TZID"]) == "Asia/Shanghai"
        assert "夜" in str(events[0]["summary"])
        assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]

    def test_build_ics_is_deterministic(self):
        shift = IcsShift("x@hrapp", datetime(2026, 3, 2, 7), datetime(2026, 3, 2, 15), "早 早班")
        stamp = datetime(2026, 3, 1, 0, 0)
        assert build_ics([shift], "me", stamp) == build_ics([shift], "me", stamp)

    def test_feed_token_is_hashed_and_revocable(self, world):
        row, clear = issue_feed_token(world.b_user)
        db.session.commit()
        assert clear not in row.token_hash and user_for_feed_token(clear) == world.b_user
        _, second = issue_feed_token(world.b_user)  # a new URL kills the old one
        assert user_for_feed_token(clear) is None and user_for_feed_token(second) == world.b_user
        assert revoke_feed_tokens(world.b_user) == 1
        assert user_for_feed_token(second) is None and user_for_feed_token("cal_guess") is None


def test_notifications_mark_read(published):
    w = published
    set_cells(w.head, w.roster, [CellEdit(w.b.id, day(6), "休")], reason="quiet week")
    assert notifications.unread_count(w.b_user) == 1
    assert notifications.mark_read(w.b_user) == 1 and notifications.unread_count(w.b_user) == 0
    assert notifications.recent(w.b_user)[0].read_at is not None


def test_seed_rosters_publishes_two_months(org, make_department, make_staff):
    fd = make_department("HTL-FD", "前台")
    for _ in range(10):
        make_staff(fd)
    report = seed_rosters(date(2026, 3, 15), random.Random(7), org.hr)
    db.session.commit()
    assert report.departments == ["HTL-FD"] and report.rosters == report.published == 2
    rosters = db.session.scalars(sa.select(Roster).order_by(Roster.starts_on)).all()
    assert [(r.starts_on, r.status) for r in rosters] == [(day(1), RosterStatus.PUBLISHED),
                                                         (date(2026, 4, 1), RosterStatus.PUBLISHED)]
    assert db.session.scalar(sa.select(sa.func.count(ShiftType.id))) == 6  # 早中夜, 常, 休, 假
    assert report.cells >= 10 * (31 + 30) - 10 * 4  # every person on (nearly) every day


def test_my_schedule_page_shows_shift_and_department_names_in_the_ui_language(client, auth, world):
    """The schedule page names the shift and the department as the UI language reads them (zh first, en)."""
    from datetime import timedelta

    import lxml.html

    from hrapp.blueprints.roster.services import create_roster
    from hrapp.company import company_today
    from hrapp.models import PeriodKind

    today = company_today()
    world.front.name_en = "Front Office"
    roster = create_roster(world.head, world.front, PeriodKind.WEEK, today + timedelta(days=7))
    fill_range(world.head, roster, [world.b.id], roster.starts_on, roster.starts_on, "早", None)
    publish_roster(world.head, roster, None)
    db.session.commit()
    auth.login("zhangsan")

    def department_cells():
        page = lxml.html.fromstring(client.get("/roster/me").get_data(as_text=True))
        return [row.xpath("./td")[3].text_content().strip() for row in page.xpath("//table[@id='my-shifts']/tbody/tr")]

    assert department_cells() == [world.front.name]
    client.post("/auth/locale/en")
    assert department_cells() == ["Front Office"]
