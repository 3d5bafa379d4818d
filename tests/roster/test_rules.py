"""Pure roster rules: every rule with its boundaries (no app, no database)."""
from datetime import date, datetime, time, timedelta

import pytest

from hrapp.blueprints.roster.rules import (
    DOUBLE_BOOKED,
    HARD,
    HAS_LEFT,
    NOT_HIRED,
    ON_LEAVE,
    REST_TOO_SHORT,
    SOFT,
    SUSPENDED,
    TOO_MANY_CONSECUTIVE_DAYS,
    UNDERSTAFFED,
    UNKNOWN_SHIFT,
    WEEKLY_HOURS_EXCEEDED,
    AbsenceSpan,
    Assignment,
    ContextShift,
    RosterFacts,
    RuleSettings,
    ShiftSpec,
    ShiftTypeData,
    StaffFacts,
    check_roster,
    settings_problems,
    shift_type_problems,
)

pytestmark = pytest.mark.unit  # pure: no app, no database

MON = date(2026, 3, 2)  # a Monday
EARLY = ShiftSpec("早", time(7), time(15), 30)
LATE = ShiftSpec("中", time(14), time(22), 30)
NIGHT = ShiftSpec("夜", time(22), time(6), 60, is_night=True)
SHORT = ShiftSpec("短", time(9), time(13))  # 4 h: long runs without reaching the weekly maximum
REST = ShiftSpec("休", kind="rest")
SHIFTS = {s.code: s for s in (EARLY, LATE, NIGHT, SHORT, REST)}


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


def facts(first=MON, last=None, shifts=SHIFTS, **kw) -> RosterFacts:
    return RosterFacts(first, last or d(27), shifts, department_id=1, **kw)


def rules_of(breaches, staff_id=1):
    return [(b.rule, b.day) for b in breaches if b.staff_id == staff_id]


class TestShiftSpec:
    def test_night_shift_runs_into_the_next_day(self):
        start, end = NIGHT.interval(d(6))
        assert (start, end) == (date_time(d(6), 22), date_time(d(7), 6))
        assert NIGHT.span_minutes == 480 and NIGHT.paid_minutes == 420

    def test_markers_have_no_hours(self):
        assert REST.paid_minutes == 0 and not REST.is_work and not REST.counts_as_working_day


def date_time(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute))


class TestMinimumRest:
    def shift_at(self, start: time, end: time) -> dict:
        return {**SHIFTS, "X": ShiftSpec("X", start, end)}

    @pytest.mark.parametrize(("start", "breach"), [(time(9), False), (time(8, 59), True)])
    def test_exactly_11_hours_passes_10h59_fails(self, start, breach):
        # 中 ends 22:00; a shift at 09:00 next day leaves exactly 11 h, at 08:59 10 h 59 min.
        shifts = self.shift_at(start, time(17))
        found = check_roster([Assignment(1, d(0), "中"), Assignment(1, d(1), "X")], facts(shifts=shifts))
        assert (REST_TOO_SHORT, d(1)) in rules_of(found) if breach else not found
        if breach:
            assert found[0].param("rest_minutes") == 659 and found[0].severity == HARD

    def test_night_followed_by_early_is_the_classic_breach(self):
        # 夜 on Monday ends 06:00 Tuesday; 早 on Tuesday starts 07:00: 1 h rest, reported on Tuesday.
        found = check_roster([Assignment(1, d(0), "夜"), Assignment(1, d(1), "早")], facts())
        assert rules_of(found) == [(REST_TOO_SHORT, d(1))]
        assert found[0].param("rest_minutes") == 60

    def test_night_shift_counts_to_the_next_morning_not_midnight(self):
        # 夜 Monday ends Tuesday 06:00; 中 Tuesday 14:00 leaves 8 h (a midnight end would give 14 h).
        found = check_roster([Assignment(1, d(0), "夜"), Assignment(1, d(1), "中")], facts())
        assert found and found[0].param("rest_minutes") == 480

    def test_night_then_night_is_fine(self):
        assert check_roster([Assignment(1, d(0), "夜"), Assignment(1, d(1), "夜")], facts()) == []

    def test_rest_across_the_period_start_uses_the_previous_roster(self):
        before = ContextShift(1, d(-1), NIGHT, department_id=1)
        found = check_roster([Assignment(1, d(0), "早")], facts(context=(before,)))
        assert rules_of(found) == [(REST_TOO_SHORT, d(0))]

    def test_only_cells_inside_the_period_are_reported(self):
        # A short rest between the last day and the next period is reported on the last day, not after it.
        after = ContextShift(1, d(28), EARLY, department_id=1)
        found = check_roster([Assignment(1, d(27), "夜")], facts(context=(after,)))
        assert rules_of(found) == [(REST_TOO_SHORT, d(27))]

    def test_severity_follows_the_settings(self):
        settings = RuleSettings(soft_rules=frozenset({REST_TOO_SHORT}))
        found = check_roster([Assignment(1, d(0), "夜"), Assignment(1, d(1), "早")], facts(settings=settings))
        assert found[0].severity == SOFT and not found[0].is_hard

    def test_company_minimum_is_configurable(self):
        settings = RuleSettings(min_rest_minutes=12 * 60)
        found = check_roster([Assignment(1, d(0), "早"), Assignment(1, d(1), "X")],
                             facts(settings=settings, shifts=self.shift_at(time(2), time(6))))
        assert found and found[0].param("min_minutes") == 720


class TestConsecutiveDays:
    def test_six_days_pass_the_seventh_fails(self):
        cells = [Assignment(1, d(i), "短") for i in range(7)]
        assert check_roster(cells[:6], facts()) == []
        found = check_roster(cells, facts())
        assert rules_of(found) == [(TOO_MANY_CONSECUTIVE_DAYS, d(6))]
        assert found[0].param("days") == 7

    def test_a_rest_day_resets_the_run(self):
        cells = [Assignment(1, d(i), "短") for i in range(6)] + [Assignment(1, d(6), "休")] + [
            Assignment(1, d(i), "短") for i in range(7, 13)]
        assert check_roster(cells, facts()) == []

    def test_run_continues_from_the_previous_period(self):
        context = tuple(ContextShift(1, d(-i), SHORT, 1) for i in range(1, 4))
        cells = [Assignment(1, d(i), "短") for i in range(4)]
        assert rules_of(check_roster(cells, facts(context=context))) == [(TOO_MANY_CONSECUTIVE_DAYS, d(3))]

    def test_a_night_counts_for_the_day_it_starts(self):
        # Six nights Mon-Sat then Sunday off: the 06:00 Sunday end does not make Sunday a working day.
        cells = [Assignment(1, d(i), "夜") for i in range(6)] + [Assignment(1, d(6), "休")]
        assert check_roster(cells, facts()) == []


class TestWeeklyHours:
    def test_44_hours_pass_above_fails(self):
        shifts = {**SHIFTS, "A": ShiftSpec("A", time(8), time(16, 48)), "B": ShiftSpec("B", time(8), time(16, 49))}
        ok = [Assignment(1, d(i), "A") for i in range(5)]  # 5 x 8 h 48 = 44 h exactly
        assert check_roster(ok, facts(shifts=shifts)) == []
        over = ok[:4] + [Assignment(1, d(4), "B")]
        found = check_roster(over, facts(shifts=shifts))
        assert rules_of(found) == [(WEEKLY_HOURS_EXCEEDED, d(4))]
        assert found[0].param("minutes") == 44 * 60 + 1

    def test_weeks_run_monday_to_sunday(self):
        # Six 7.5 h shifts Thursday-Tuesday split 4 + 2 over two ISO weeks: no breach.
        cells = [Assignment(1, d(i), "早") for i in range(3, 9)]
        assert check_roster(cells, facts()) == []
        # The same six inside one week (Monday-Saturday): 45 h.
        found = check_roster([Assignment(1, d(i), "早") for i in range(6)], facts())
        assert rules_of(found) == [(WEEKLY_HOURS_EXCEEDED, d(5))]

    def test_sunday_night_counts_in_its_own_week(self):
        # Five 7.5 h early shifts Mon-Fri = 37.5 h, then Sunday's night (7 h paid): 44.5 h in that week.
        cells = [Assignment(1, d(i), "早") for i in range(5)] + [Assignment(1, d(6), "夜")]
        assert rules_of(check_roster(cells, facts())) == [(WEEKLY_HOURS_EXCEEDED, d(6))]
        # Moved to the next Monday it belongs to the next week.
        cells[-1] = Assignment(1, d(7), "夜")
        assert check_roster(cells, facts()) == []

    def test_comprehensive_hours_average_over_the_period(self):
        settings = RuleSettings(comprehensive_hours=True)
        heavy_then_light = [Assignment(1, d(i), "早") for i in range(6)] + [
            Assignment(1, d(i), "早") for i in range(7, 11)]
        two_weeks = facts(last=d(13), settings=settings)
        assert check_roster(heavy_then_light, two_weeks) == []  # 75 h over 2 weeks = 37.5 h a week
        assert rules_of(check_roster(heavy_then_light, facts(last=d(13)))) == [(WEEKLY_HOURS_EXCEEDED, d(5))]


class TestDemand:
    def test_short_column_is_reported_per_day_and_shift(self):
        demand = {(d(0), "早"): 2, (d(1), "早"): 1}
        found = check_roster([Assignment(1, d(0), "早"), Assignment(2, d(1), "早")], facts(demand=demand))
        assert [(b.rule, b.day, b.shift_code, b.staff_id) for b in found] == [(UNDERSTAFFED, d(0), "早", None)]
        assert found[0].param("required") == 2 and found[0].param("assigned") == 1
        assert found[0].severity == SOFT  # by default demand does not block publishing

    def test_demand_can_be_made_hard(self):
        settings = RuleSettings(soft_rules=frozenset())
        found = check_roster([], facts(demand={(d(0), "早"): 1}, settings=settings))
        assert found[0].is_hard


class TestAvailability:
    def test_left_on_is_the_last_working_day(self):
        staff = {1: StaffFacts(1, hire_on=date(2020, 1, 1), left_on=d(2))}
        cells = [Assignment(1, d(2), "早"), Assignment(1, d(3), "早"), Assignment(1, d(4), "休")]
        assert rules_of(check_roster(cells, facts(staff=staff))) == [(HAS_LEFT, d(3))]

    def test_not_hired_yet(self):
        staff = {1: StaffFacts(1, hire_on=d(1))}
        found = check_roster([Assignment(1, d(0), "早"), Assignment(1, d(1), "早")], facts(staff=staff))
        assert rules_of(found) == [(NOT_HIRED, d(0))]

    def test_suspension_from_its_first_day(self):
        staff = {1: StaffFacts(1, suspended_from=d(1))}
        found = check_roster([Assignment(1, d(0), "早"), Assignment(1, d(1), "早")], facts(staff=staff))
        assert rules_of(found) == [(SUSPENDED, d(1))]

    def test_approved_leave_inclusive_bounds(self):
        absences = (AbsenceSpan(1, d(1), d(2), "annual"),)
        cells = [Assignment(1, d(i), "早") for i in range(4)]
        found = check_roster(cells, facts(absences=absences))
        assert rules_of(found) == [(ON_LEAVE, d(1)), (ON_LEAVE, d(2))]

    def test_night_before_leave_is_allowed(self):
        # The night starting the evening before the leave belongs to that evening's day.
        absences = (AbsenceSpan(1, d(1), d(1)),)
        assert check_roster([Assignment(1, d(0), "夜")], facts(absences=absences)) == []

    def test_rest_marker_on_leave_is_fine(self):
        staff = {1: StaffFacts(1, left_on=d(0))}
        assert check_roster([Assignment(1, d(3), "休")], facts(staff=staff)) == []


class TestDoubleBooking:
    def test_overlap_with_another_department(self):
        other = ContextShift(1, d(0), ShiftSpec("B", time(12), time(20)), department_id=2)
        found = check_roster([Assignment(1, d(0), "早")], facts(context=(other,)))
        assert rules_of(found) == [(DOUBLE_BOOKED, d(0))]

    def test_other_departments_night_into_our_morning(self):
        other = ContextShift(1, d(0), NIGHT, department_id=2)  # ends Tuesday 06:00
        found = check_roster([Assignment(1, d(1), "X")],
                             facts(shifts={**SHIFTS, "X": ShiftSpec("X", time(5), time(9))}, context=(other,)))
        assert rules_of(found) == [(DOUBLE_BOOKED, d(1))]

    def test_back_to_back_in_two_departments_breaks_rest_not_booking(self):
        other = ContextShift(1, d(0), ShiftSpec("B", time(15), time(19)), department_id=2)
        found = check_roster([Assignment(1, d(0), "早")], facts(context=(other,)))
        assert rules_of(found) == [(REST_TOO_SHORT, d(0))]

    def test_unknown_code(self):
        found = check_roster([Assignment(1, d(0), "?")], facts())
        assert rules_of(found) == [(UNKNOWN_SHIFT, d(0))]


class TestShiftTypeValidation:
    def data(self, **kw) -> ShiftTypeData:
        base = {"code": "早", "name": "早班", "start": time(7), "end": time(15), "break_minutes": 30}
        return ShiftTypeData(**(base | kw))

    def test_valid(self):
        assert shift_type_problems(self.data()) == {}
        assert shift_type_problems(self.data(start=time(22), end=time(6))) == {}  # crosses midnight

    @pytest.mark.parametrize(("kw", "field", "code"), [
        ({"end": time(7)}, "end", "end_equals_start"),
        ({"break_minutes": 480}, "break_minutes", "break_too_long"),
        ({"break_minutes": -1}, "break_minutes", "break_negative"),
        ({"start": None}, "start", "start_required"),
        ({"code": "a b"}, "code", "code"),
        ({"code": ""}, "code", "code"),
        ({"colour": "red"}, "colour", "colour"),
        ({"name": " "}, "name", "name"),
    ])
    def test_bad_values(self, kw, field, code):
        assert code in shift_type_problems(self.data(**kw)).get(field, [])

    def test_rest_marker_needs_no_times(self):
        assert shift_type_problems(ShiftTypeData("休", "休息", "rest")) == {}

    def test_settings_ranges(self):
        assert settings_problems(RuleSettings()) == {}
        assert set(settings_problems(RuleSettings(min_rest_minutes=-1, max_consecutive_days=0,
                                                  max_weekly_minutes=10, soft_rules=frozenset({"has_left"})))) == {
            "min_rest_minutes", "max_consecutive_days", "max_weekly_minutes", "soft_rules"}
