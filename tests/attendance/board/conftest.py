"""Board fixtures: the day and month the board's tests share (the day and punch writers,
`make_day` and `make_punch`, are tests/fixtures.py's; the statement counter is tests/conftest.py's `statements`)."""
from datetime import date

DAY = date(2026, 5, 4)
MONTH = "2026-05"
