"""Pure grid edits, totals, the company calendar and rest owed."""
from datetime import date, time, timedelta

import pytest

from hrapp.blueprints.roster.rules import (
    HOLIDAY,
    NORMAL,
    WORKDAY,
    Assignment,
    ShiftSpec,
    column_totals,
    copy_source_day,
    is_company_workday,
    parse_pattern,
    pattern_cells,
    pattern_problem,
    rest_owed_items,
    row_totals,
    swapped_cells,
)

pytestmark = pytest.mark.unit  # pure: no app, no database

MON = date(2026, 3, 2)
SHIFTS = {
    "早": ShiftSpec("早", time(7), time(15), 30),
    "中": ShiftSpec("中", time(14), time(22), 30),
    "晚": ShiftSpec("晚", time(22), time(6), 60, is_night=True),
    "休": ShiftSpec("休", kind="rest"),
    "假": ShiftSpec("假", kind="leave"),
    "N1": ShiftSpec("N1", time(23), time(7), 60, is_night=True),
}


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


class TestPatterns:
    def test_chinese_pattern_without_separators(self):
        parsed = parse_pattern("早早中中晚晚休休", SHIFTS)
        assert parsed.codes == ("早", "早", "中", "中", "晚", "晚", "休", "休") and not parsed.unknown

    def test_multi_character_codes_match_longest_first(self):
        assert parse_pattern("N1N1休", SHIFTS).codes == ("N1", "N1", "休")

    def test_separators(self):
        assert parse_pattern("早, 中 / N1、休", SHIFTS).codes == ("早", "中", "N1", "休")

    def test_unknown_codes_are_listed_once(self):
        parsed = parse_pattern("早早X中X夜", SHIFTS)
        assert parsed.unknown == ("X", "夜")
        assert pattern_problem(parsed) == "pattern_unknown_codes"
        assert pattern_problem(parse_pattern("  ", SHIFTS)) == "pattern_empty"

    def test_offsets_start_each_person_further_into_the_rotation(self):
        cells = pattern_cells(("早", "中", "休"), {1: 0, 2: 2}, [d(0), d(1), d(2)])
        by = {(c.staff_id, c.day): c.shift_code for c in cells}
        assert [by[(1, d(i))] for i in range(3)] == ["早", "中", "休"]
        assert [by[(2, d(i))] for i in range(3)] == ["休", "早", "中"]


class TestCopyAndSwap:
    def test_copy_keeps_weekdays(self):
        # A week after a week: the same weekday seven days earlier.
        assert copy_source_day(d(7), d(0), d(6)) == d(0)
        # April after March: four weeks back (1 April, a Wednesday, copies 4 March) ...
        assert copy_source_day(date(2026, 4, 1), date(2026, 3, 1), date(2026, 3, 31)) == date(2026, 3, 4)
        # ... and the days beyond that the latest same weekday (29 April copies 25 March).
        assert copy_source_day(date(2026, 4, 29), date(2026, 3, 1), date(2026, 3, 31)) == date(2026, 3, 25)
        assert copy_source_day(date(2026, 3, 31), date(2026, 2, 1), date(2026, 2, 28)) == date(2026, 2, 24)
        assert copy_source_day(date(2026, 3, 31), date(2026, 3, 1), date(2026, 3, 31)) is None

    def test_swap_exchanges_both_days(self):
        cells = {(1, d(0)): "早", (2, d(0)): "休", (1, d(2)): "休", (2, d(2)): "中"}
        assert swapped_cells(cells, 1, 2, [d(0), d(2)]) == {
            (1, d(0)): "休", (2, d(0)): "早", (1, d(2)): "中", (2, d(2)): "休"}

    def test_same_day_swap_and_nothing_to_swap(self):
        cells = {(1, d(0)): "早", (2, d(0)): "中"}
        assert swapped_cells(cells, 1, 2, [d(0)]) == {(1, d(0)): "中", (2, d(0)): "早"}
        assert swapped_cells({(1, d(0)): "早", (2, d(0)): "早"}, 1, 2, [d(0)]) == {}


class TestTotals:
    def test_row_totals(self):
        cells = [Assignment(1, d(0), "早"), Assignment(1, d(1), "晚"), Assignment(1, d(2), "休"),
                 Assignment(1, d(3), "假")]
        totals = row_totals(cells, SHIFTS)[1]
        assert (totals.minutes, totals.work_days, totals.nights, totals.rest_days, totals.leave_days) == (
            450 + 420, 2, 1, 1, 1)
        assert totals.hours == 14.5

    def test_column_totals_against_demand(self):
        cells = [Assignment(1, d(0), "早"), Assignment(2, d(0), "早")]
        cols = column_totals(cells, SHIFTS, [d(0)], {(d(0), "早"): 3, (d(0), "中"): 1})
        assert (cols[(d(0), "早")].assigned, cols[(d(0), "早")].missing) == (2, 1)
        assert cols[(d(0), "中")].missing == 1 and (d(0), "休") not in cols


class TestCalendar:
    # 2026: 1 May (Fri) is Labour Day; Saturday 9 May is an adjusted working day.
    overrides = {date(2026, 5, 1): HOLIDAY, date(2026, 5, 9): WORKDAY, date(2026, 5, 4): HOLIDAY,
                 date(2026, 5, 6): NORMAL}

    def test_company_workdays(self):
        assert not is_company_workday(date(2026, 5, 1), self.overrides)
        assert is_company_workday(date(2026, 5, 9), self.overrides)
        assert not is_company_workday(date(2026, 5, 10), self.overrides)  # plain Sunday
        assert is_company_workday(date(2026, 5, 6), self.overrides)  # HR cancelled: a normal Wednesday


class TestRestOwed:
    def test_working_a_holiday_and_a_weekend_accrues(self):
        overrides = {date(2026, 5, 1): HOLIDAY, date(2026, 5, 9): WORKDAY}
        cells = [Assignment(1, date(2026, 5, 1), "早"),   # holiday: +1
                 Assignment(1, date(2026, 5, 2), "晚"),   # Saturday: +1
                 Assignment(1, date(2026, 5, 9), "早"),   # adjusted working Saturday: 0
                 Assignment(1, date(2026, 5, 10), "休"),  # Sunday rest: 0
                 Assignment(1, date(2026, 5, 12), "休"),  # rest on a Tuesday: -1 (rest in lieu)
                 Assignment(1, date(2026, 5, 13), "假")]  # leave: 0
        items = rest_owed_items(cells, SHIFTS, overrides)
        assert [(i.day.day, i.days, i.reason) for i in items] == [
            (1, 1, "worked_holiday"), (2, 1, "worked_rest_day"), (12, -1, "rest_in_lieu")]

    def test_six_day_week_owes_one_day(self):
        cells = [Assignment(1, d(i), "早") for i in range(6)] + [Assignment(1, d(6), "休")]
        assert sum(i.days for i in rest_owed_items(cells, SHIFTS, {})) == 1
