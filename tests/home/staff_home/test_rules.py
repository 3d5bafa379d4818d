"""The staff home's pure rules (no app, no database)."""
from collections import namedtuple
from datetime import date, datetime, time, timedelta

from hrapp.blueprints.attendance.board.rules import DayFigures
from hrapp.blueprints.home.staff_home.rules import WaitingItem, month_marks, month_strip, split_shifts, waiting_order

Shift = namedtuple("Shift", "day kind code start end", defaults=(None, None))
TODAY = date(2026, 2, 10)
ZONE = "Asia/Shanghai"


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
    todays, upcoming = split_shifts(shifts, datetime.combine(TODAY, time(9)), limit=2)
    assert [s.code for s in todays] == ["早"] and [s.code for s in upcoming] == ["中", "夜"]
    assert split_shifts([], datetime.combine(TODAY, time(9))) == ([], [])


def night(day: date) -> Shift:
    return Shift(day, "work", "夜", datetime.combine(day, time(22)), datetime.combine(day + timedelta(days=1), time(6)))


def test_last_nights_shift_is_todays_while_under_way():
    yesterday = TODAY - timedelta(days=1)
    shifts = [night(yesterday), Shift(TODAY, "rest", "休")]
    todays, _next = split_shifts(shifts, datetime.combine(TODAY, time(2)))
    assert [s.code for s in todays] == ["夜", "休"]
    todays, _next = split_shifts(shifts, datetime.combine(TODAY, time(6)))  # over at 06:00
    assert [s.code for s in todays] == ["休"]
    day_shift = Shift(yesterday, "work", "早", datetime.combine(yesterday, time(7)), datetime.combine(yesterday, time(15)))
    assert split_shifts([day_shift], datetime.combine(TODAY, time(2)))[0] == []


def test_waiting_order_most_urgent_first_undated_last():
    items = [WaitingItem("swap", 1, 9, "", None, None), WaitingItem("notice", 2, None, "", date(2026, 2, 12), None),
             WaitingItem("training", 3, None, "", None, datetime(2026, 2, 11, 1)),
             WaitingItem("result", 4, None, "", date(2026, 2, 8), None)]
    assert [i.item_id for i in waiting_order(items, TODAY, ZONE)] == [4, 3, 2, 1]
    assert items[3].overdue(TODAY) and not items[1].overdue(TODAY) and not items[0].overdue(TODAY)


def test_a_session_counts_by_the_local_day_it_starts():
    # 17:00 UTC on the 11th is 01:00 on the 12th in China: the same day as the notice due on the 12th ("notice"
    # sorts before "training"), after the result due on the 11th.
    items = [WaitingItem("training", 1, None, "", None, datetime(2026, 2, 11, 17)),
             WaitingItem("notice", 2, None, "", date(2026, 2, 12), None),
             WaitingItem("result", 3, None, "", date(2026, 2, 11), None)]
    assert [i.item_id for i in waiting_order(items, TODAY, ZONE)] == [3, 2, 1]
    assert [i.item_id for i in waiting_order(items, TODAY, "UTC")] == [3, 1, 2]
