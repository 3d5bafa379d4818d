"""The pure reconciliation rules at their boundaries (no app)."""
from datetime import date, datetime, time

from hrapp.blueprints.attendance.reconcile import rules as r

DAY = date(2026, 5, 4)
EARLY_SHIFT = r.shift_times(DAY, time(8, 0), time(17, 0), 60)
NIGHT = r.shift_times(DAY, time(22, 0), time(6, 0), 0)
LATER = datetime(2026, 5, 6, 12, 0)


def at(hour, minute=0, day=DAY):
    return datetime.combine(day, time(hour, minute))


def punches(*items):
    return tuple(r.PunchAt(i, when, state) for i, (when, state) in enumerate(items, start=1))


def work(*items, shift=EARLY_SHIFT, now=LATER, **kw):
    return r.reconcile_day(r.DayInput(DAY, "work", shift, punches(*items), now, **kw))


def test_grace_met_is_present_and_exceeded_by_a_minute_is_late():
    met = work((at(8, 5), 0), (at(17, 0), 1))
    assert met.status == r.PRESENT and met.late_minutes == 0
    late = work((at(8, 6), 0), (at(17, 0), 1))
    assert late.status == r.LATE and late.late_minutes == 6


def test_leaving_early_and_both():
    assert work((at(8, 0), 0), (at(16, 50), 1)).early_minutes == 10
    assert work((at(8, 0), 0), (at(16, 50), 1)).status == r.EARLY
    assert work((at(8, 30), 0), (at(16, 0), 1)).status == r.LATE_AND_EARLY


def test_worked_minutes_subtract_the_break_and_early_arrival_is_not_overtime():
    result = work((at(6, 30), 0), (at(17, 10), 1))
    assert result.status == r.PRESENT
    assert result.worked_minutes == 9 * 60 + 10 - 60
    assert result.overtime_minutes == 0  # 10 minutes after the end: under the 30-minute minimum


def test_overtime_from_the_end_at_least_the_minimum_and_flagged_over_3h():
    assert work((at(8, 0), 0), (at(17, 29), 1)).overtime_minutes == 0
    thirty = work((at(8, 0), 0), (at(17, 30), 1))
    assert thirty.overtime_minutes == 30 and thirty.overtime_approved is False
    long = work((at(8, 0), 0), (at(20, 1), 1), policy=r.Policy(overtime_needs_approval=False))
    assert long.overtime_minutes == 181 and long.overtime_approved and r.OVER_3H in long.flags


def test_night_shift_owns_the_next_mornings_punch():
    result = work((at(21, 58), 255), (at(6, 3, date(2026, 5, 5)), 255), shift=NIGHT)
    assert result.status == r.PRESENT
    assert result.in_punch.id == 1 and result.out_punch.id == 2
    assert result.worked_minutes == 8 * 60 + 3


def test_rest_day_with_punches_is_rest_worked_and_without_is_rest():
    rest = r.reconcile_day(r.DayInput(DAY, "rest", None, punches((at(9), 255), (at(15), 255)), LATER))
    assert rest.status == r.REST_WORKED and rest.worked_minutes == 360 and rest.overtime_minutes == 360
    assert r.reconcile_day(r.DayInput(DAY, "rest", None, (), LATER)).status == r.REST


def test_missing_out_punch_after_the_window_and_pending_before():
    assert work((at(8, 0), 0)).status == r.MISSING_PUNCH
    assert work((at(8, 0), 0), now=at(22, 59)).status == r.PENDING  # closes 17:00 + 6 h
    assert work((at(8, 0), 0), now=at(23, 0)).status == r.MISSING_PUNCH


def test_no_punch_is_absent_only_once_the_window_has_closed():
    assert work(now=at(22, 59)).status == r.PENDING
    assert work(now=at(23, 0)).status == r.ABSENT


def test_a_day_punched_only_by_an_undefined_state_device_reads_by_position():
    result = work((at(7, 55), 255), (at(12, 0), 255), (at(17, 2), 255))
    assert result.status == r.PRESENT and (result.in_punch.id, result.out_punch.id) == (1, 3)
    lone_afternoon = work((at(17, 2), 255))
    assert lone_afternoon.status == r.MISSING_PUNCH and lone_afternoon.out_punch.id == 1


def test_explicit_states_win_over_position():
    result = work((at(7, 50), 1), (at(8, 2), 0), (at(17, 5), 1), (at(17, 40), 0))
    assert (result.in_punch.id, result.out_punch.id) == (2, 3)


def test_punches_outside_the_window_do_not_count():
    assert work((at(5, 59), 0), (at(17, 0), 1)).status == r.MISSING_PUNCH  # opens 06:00


def test_approved_leave_and_unrostered_days():
    assert work((at(8, 0), 0), on_leave=True).status == r.LEAVE
    unrostered = r.reconcile_day(r.DayInput(DAY, None, None, punches((at(9), 255)), LATER))
    assert unrostered.status == r.UNROSTERED
    assert r.reconcile_day(r.DayInput(DAY, None, None, (), LATER)) is None
    holiday = r.reconcile_day(r.DayInput(DAY, None, None, punches((at(9), 255), (at(10), 255)), LATER, holiday=True))
    assert holiday.status == r.REST_WORKED and holiday.overtime_minutes == 60


def test_month_overtime_past_36_hours():
    assert not r.month_overtime_over_limit([36 * 60])
    assert r.month_overtime_over_limit([36 * 60, 1])


def test_comprehensive_hours_count_overtime_over_the_period():
    from hrapp.blueprints.attendance.reconcile.rules import (
        OVER_3H,
        DayResult,
        measured_over_period,
        period_overtime_minutes,
    )
    day = measured_over_period(DayResult("late_and_early", late_minutes=20, early_minutes=9, overtime_minutes=200,
                                         overtime_approved=True, flags=[OVER_3H]))
    assert (day.status, day.late_minutes, day.early_minutes, day.overtime_minutes, day.flags) == (
        "present", 0, 0, 0, ["comprehensive_hours"])
    assert measured_over_period(DayResult("missing_punch")).status == "missing_punch"
    assert period_overtime_minutes([500, 480, 0], [480, 480, 480]) == 0
    assert period_overtime_minutes([600, 600], [480, 480]) == 240


def test_a_day_in_progress_knows_its_late_check_in_already():
    from datetime import date, datetime, time

    from hrapp.blueprints.attendance.reconcile.rules import DayInput, PunchAt, reconcile_day, shift_times
    day = date(2026, 5, 4)
    shift = shift_times(day, time(7), time(15))
    result = reconcile_day(DayInput(day, "work", shift, (PunchAt(1, datetime(2026, 5, 4, 7, 6), 0),),
                                    now=datetime(2026, 5, 4, 9, 0)))
    assert (result.status, result.late_minutes) == ("pending", 6)
    on_time = reconcile_day(DayInput(day, "work", shift, (PunchAt(1, datetime(2026, 5, 4, 7, 5), 0),),
                                     now=datetime(2026, 5, 4, 9, 0)))
    assert (on_time.status, on_time.late_minutes) == ("pending", 0)  # within the grace
