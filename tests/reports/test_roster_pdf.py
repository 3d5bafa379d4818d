"""Signed roster PDFs: the landscape grid (Chinese names, shift codes, holiday marks, totals, legend), the
subject it names (department + YYYY-MM or YYYY-Www), and that only published rosters are issued."""
import subprocess
from datetime import date, timedelta

import pytest

from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.roster.documents import period_label, roster_for, roster_pdf_data, roster_refusal
from hrapp.blueprints.roster.pdf import (
    TITLE,
    CoverageLine,
    LegendEntry,
    RosterDay,
    RosterLine,
    RosterPdfData,
    build_roster,
    day_blocks,
)
from hrapp.blueprints.roster.services import create_roster
from hrapp.core.periods import PeriodError, parse_period
from hrapp.extensions import db
from hrapp.models import PeriodKind
from tests.reports.conftest import pdftotext

LETTERHEAD = Letterhead("测试旅行社有限公司 Test Travel Ltd", TITLE, "RS-2026-000007", date(2026, 5, 1),
                        "7K3M-Q9TD-2XWB", "验证 Verify: https://hr.example.com/verify?code=7K3M-Q9TD-2XWB")
NAMES = ("王小明", "欧阳娜娜", "买买提·艾力", "Alexander Johnson-Smith")


def roster_data(rows: int = 6, days: int = 31) -> RosterPdfData:
    first = date(2026, 5, 1)
    columns = tuple(RosterDay(first + timedelta(days=i), "holiday" if i < 5 else "workday" if i == 8 else "normal",
                              (first + timedelta(days=i)).weekday() >= 5, "劳动节" if i < 5 else "")
                    for i in range(days))
    lines = tuple(RosterLine(f"S{i:05d}", NAMES[i % len(NAMES)], tuple("早早中中夜休假"[(i + d) % 7] for d in range(days)),
                             ("150", "20", "4", "9", "4")) for i in range(rows))
    legend = (LegendEntry("早", "早班 Early", "07:00–15:00", "work"), LegendEntry("夜", "夜班 Night", "22:00–06:00 (+1)",
                                                                             "work"),
              LegendEntry("休", "休息 Rest", "", "rest"), LegendEntry("假", "请假 Leave", "", "leave"))
    coverage = (CoverageLine("早", tuple(str(rows // 3) for _ in range(days)), tuple(d == 3 for d in range(days))),)
    return RosterPdfData(LETTERHEAD, "FO 前厅部 Front Office", "2026-05 (2026-05-01 – 2026-05-31)", "已发布 Published",
                         "2026-04-25 10:00 · 王经理 (head)", columns, lines, legend, coverage,
                         ("部门经理 Department head", "人事部 HR"))


def _page_size(path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size")).split(":", 1)[1].strip()


def test_roster_pdf_is_landscape_deterministic_and_readable(tmp_path):
    built = build_roster(roster_data())
    assert build_roster(roster_data()).data == built.data  # invariant: identical input, identical bytes
    path = tmp_path / "roster.pdf"
    path.write_bytes(built.data)
    assert _page_size(path).startswith("841.89 x 595.2")  # A4 landscape
    text = pdftotext(path)
    for expected in (*NAMES[:3], "排班表 Roster", "S00003", "班次说明 Shift types", "早班 Early 07:00–15:00",
                     "22:00–06:00 (+1)", "05-01–05-05 劳动节", "工时", "第 1 / 1 页"):
        assert expected in text, expected
    assert "Alexander" in text and "Johnson-Smith" in text  # a long name wraps inside its cell
    assert len(built.slots) == 2 and built.slots[0].box[2] < built.slots[1].box[0]


def test_roster_grid_marks_holidays_and_adjusted_workdays(tmp_path):
    path = tmp_path / "roster.pdf"
    path.write_bytes(build_roster(roster_data(rows=2)).data)
    header = next(line for line in pdftotext(path).splitlines() if line.startswith("No."))  # 2nd header row
    marks = header.split()[1:]
    assert marks[:5] == ["休"] * 5 and marks[8] == "班" and marks[5] == "三"  # 1-5 May off, Sat 9 May worked


def test_long_roster_repeats_its_header_on_every_page(tmp_path):
    built = build_roster(roster_data(rows=120))
    path = tmp_path / "long.pdf"
    path.write_bytes(built.data)
    pages = pdftotext(path).split("\f")[:built.pages]
    assert built.pages >= 3
    assert all("姓名 Name" in page and "工号" in page for page in pages[:-1])
    assert f"第 {built.pages} / {built.pages} 页" in pages[-1]


@pytest.mark.parametrize("days, blocks", [(7, [7]), (31, [31]), (62, [31, 31]), (0, [0])])
def test_day_blocks_keep_a_month_in_one_table(days, blocks):
    assert [len(b) for b in day_blocks(days)] == blocks


def test_a_wide_period_is_cut_into_day_blocks(tmp_path):
    path = tmp_path / "wide.pdf"
    path.write_bytes(build_roster(roster_data(rows=3, days=62)).data)
    assert pdftotext(path).count("姓名 Name") >= 2


@pytest.mark.parametrize("text, expected", [
    ("2026-05", (PeriodKind.MONTH, date(2026, 5, 1), date(2026, 5, 31))),
    ("2026-2", (PeriodKind.MONTH, date(2026, 2, 1), date(2026, 2, 28))),
    ("2026-W19", (PeriodKind.WEEK, date(2026, 5, 4), date(2026, 5, 10))),
    ("2026w01", (PeriodKind.WEEK, date(2025, 12, 29), date(2026, 1, 4))),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026-W54", "May", "", "2026-05-01", "2026-W00"])
def test_parse_period_refuses_junk(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_roster_pdf_data_from_the_grid(rostered):
    o = rostered
    data = roster_pdf_data(o.roster, LETTERHEAD, ("部门经理 Department head",))
    assert [line.name for line in data.lines] == [p.name_zh for p in o.people]
    assert data.lines[1].codes[:7] == tuple("早中中夜休休早")  # offset 1 into 早早中中夜休休
    assert data.lines[0].totals[1] == str(sum(1 for c in data.lines[0].codes if c in "早中夜"))
    assert [d.kind for d in data.days[:5]] == ["holiday"] * 5 and data.days[8].kind == "workday"
    assert {e.code: e.hours for e in data.legend}["夜"] == "22:00–06:00 (+1)"
    assert [c.code for c in data.coverage] == ["早", "中", "夜"]
    assert data.status == "已发布 Published" and data.period.startswith("2026-05 ")
    assert data.department.startswith("FO 前厅部") and data.published.endswith(" · 王经理 (head)")


def test_roster_lookup_and_refusal(rostered):
    o = rostered
    assert roster_for("fo", "2026-05") == o.roster and roster_for("FO", "2026-06") is None
    assert roster_for("HK", "2026-05") is None and period_label(o.roster) == "2026-05"
    assert roster_refusal(o.roster) is None
    draft = create_roster(o.head, o.front, PeriodKind.WEEK, date(2026, 6, 3))
    db.session.flush()
    assert period_label(draft) == "2026-W23" and roster_for("FO", "2026-W23") == draft
    assert "published" in roster_refusal(draft)
