"""The staff home's pure rules (no app, no database)."""
from collections import namedtuple
from datetime import date, datetime

from hrapp.blueprints.attendance.board.rules import DayFigures
from hrapp.blueprints.home.staff_home.rules import WaitingItem, month_marks, month_strip, split_shifts, waiting_order

Shift = namedtuple("Shift", "day kind code")
TODAY = date(2026, 2, 10)


def test_month_marks_count_late_and_early_in_both():
    days = [DayFigures("late", 5), DayFigures("late_and_early", 3), DayFigures("early"), DayFigures("absent"),
            DayFigures("missing_punch"), DayFigures("present"), DayFigures("rest"), DayFigures("leave")]
    marks = month_marks(days)
    assert (marks.late, marks.early, marks.absent, marks.missing, marks.worked) == (2, 2, 1, 1, 5)
    assert not marks.clean and month_marks([DayFigures("present")]).clean


def test_month_strip_covers_the_month_with_tones():
    strip = month_strip(TODAY, {date(2026, 2, 2): "late", date(2026, 2, 3): "absent", date(2026, 2, 4): "rest"})
    assert len(strip) == 28 and strip[0].day == date(2026, 2, 1) and strip[-1].day == date(2026, 2, 28)
    tones = {d.day.day: d.tone for d in strip}
    assert (tones[1], tones[2], tones[3], tones[4], tones[11]) == ("none", "warn", "bad", "off", "future")
    assert [d.day for d in strip if d.is_today] == [TODAY]


def test_split_shifts_today_and_next_work_shifts():
    shifts = [Shift(date(2026, 2, d), kind, code) for d, kind, code in
              [(10, "work", "早"), (11, "rest", "休"), (12, "work", "中"), (13, "work", "夜"), (14, "leave", "假"),
               (15, "work", "早")]]
    todays, upcoming = split_shifts(shifts, TODAY, limit=2)
    assert [s.code for s in todays] == ["早"] and [s.code for s in upcoming] == ["中", "夜"]
    assert split_shifts([], TODAY) == ([], [])


def test_waiting_order_most_urgent_first_undated_last():
    items = [WaitingItem("swap", 1, 9, "", None, None), WaitingItem("notice", 2, None, "", date(2026, 2, 12), None),
             WaitingItem("training", 3, None, "", None, datetime(2026, 2, 11, 1)),
             WaitingItem("result", 4, None, "", date(2026, 2, 8), None)]
    assert [i.item_id for i in waiting_order(items, TODAY)] == [4, 3, 2, 1]
    assert items[3].overdue(TODAY) and not items[1].overdue(TODAY) and not items[0].overdue(TODAY)
