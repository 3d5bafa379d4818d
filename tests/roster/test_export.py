"""Roster XLSX export: the workbook (typed dates, holiday marks, codes, totals, head counts, shift types),
formula neutralisation, and who may download it (HR and the department's heads; never staff)."""
import io
from datetime import datetime, time

import pytest
from openpyxl import load_workbook

from hrapp.blueprints.roster.export import roster_workbook
from hrapp.blueprints.roster.services import roster_grid
from hrapp.blueprints.roster.services.members import add_roster_member
from hrapp.core.periods import period_label
from tests.roster.fixtures import MAY, ROTATION


def _sheets(data: bytes):
    book = load_workbook(io.BytesIO(data))
    return book["排班 Roster"], book["班次 Shift types"]


def test_workbook_holds_the_grid(rostered):
    o = rostered
    grid, shifts = _sheets(roster_workbook(roster_grid(o.roster), "FO 前厅部 · 2026-05"))
    assert grid["A1"].value == "FO 前厅部 · 2026-05"
    assert [grid.cell(2, c).value for c in (1, 2, 3)] == ["工号 Staff no.", "姓名 Name", "岗位 Position"]
    assert grid["D2"].value == datetime(2026, 5, 1) and grid["AH2"].value == datetime(2026, 5, 31)
    assert [grid.cell(3, c).value for c in range(4, 14)] == ["休"] * 5 + ["三", "四", "五", "班", "日"]
    assert grid["D2"].fill.start_color.rgb.endswith("F8D7DA")  # public holiday column
    names = [grid.cell(r, 2).value for r in range(4, 8)]
    assert names == [p.name_zh for p in o.people]
    second = [grid.cell(5, c).value for c in range(4, 11)]  # 张三's offset 1 in the rotation
    assert "".join(second) == (ROTATION * 2)[1:8]
    totals = [grid.cell(4, c).value for c in range(35, 40)]
    assert grid.cell(2, 35).value == "工时 Hours" and totals[1] == sum(1 for c in range(4, 35)
                                                                     if grid.cell(4, c).value in "早中夜")
    assert [grid.cell(r, 2).value for r in range(9, 12)] == ["早 人数 Staff", "中 人数 Staff", "夜 人数 Staff"]
    assert grid.freeze_panes == "D4"
    rows = {row[0]: row for row in shifts.iter_rows(min_row=2, values_only=True)}
    assert rows["夜"][4:7] == (time(22), time(6), "是 Yes") and rows["休"][3] == "休息 Rest"


def test_workbook_neutralises_formulas(rostered, make_staff):
    evil = make_staff(rostered.front, name_zh='=HYPERLINK("http://evil.example","x")', staff_number="+S1")
    add_roster_member(rostered.head, rostered.roster, evil, None)  # joined after publication: added by the head
    grid, _ = _sheets(roster_workbook(roster_grid(rostered.roster), "=cmd|' /C calc'!A0"))
    assert grid["A1"].value.startswith("'=") and grid["A1"].data_type == "s"
    row = next(r for r in range(4, 10) if str(grid.cell(r, 2).value).startswith("'="))
    assert grid.cell(row, 1).value == "'+S1" and grid.cell(row, 2).value == "'" + evil.name_zh


def test_period_label():
    assert period_label("month", MAY) == "2026-05" and period_label("week", MAY) == "2026-W18"


def _get(client, auth, who, roster_id):
    if who:
        auth.login(who)
    return client.get(f"/roster/{roster_id}/export.xlsx")


@pytest.mark.parametrize("who, status", [
    ("admin", 200), ("hr", 200), ("head", 200),
    ("hkhead", 404), ("zhangsan", 403), ("staff", 404), ("other", 404),  # unseen roster: 404
])
def test_export_access(client, auth, rostered, who, status):
    response = _get(client, auth, who, rostered.roster.id)
    assert response.status_code == status
    if status == 200:
        assert response.mimetype.endswith("spreadsheetml.sheet")
        assert "roster-FO-2026-05.xlsx" in response.headers["Content-Disposition"]
        assert response.headers["Cache-Control"] == "no-store"
        assert _sheets(response.data)[0]["B4"].value == "王经理"


def test_export_needs_login_and_an_existing_roster(client, auth, rostered):
    response = _get(client, auth, None, rostered.roster.id)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert _get(client, auth, "hr", 999999).status_code == 404


def test_roster_export_sizes_columns_from_content_and_keeps_days_narrow(rostered):
    book = load_workbook(io.BytesIO(roster_workbook(roster_grid(rostered.roster), "FO 前厅部 · 2026-05")))
    grid, shifts = book["排班 Roster"], book["班次 Shift types"]
    widths = {letter: grid.column_dimensions[letter].width for letter in ("B", "D", "AH", "AI")}
    assert widths["B"] == 2 + 1 + 4 + 6 + 2  # its widest text, "早 人数 Staff" (a wide character counts 2), + margin
    assert widths["D"] == widths["AH"] == 6 and widths["AI"] == len("工时 Hours") + 2 + 2
    assert all(c.font.b for c in shifts[1]) and shifts.freeze_panes == "A2"
    assert shifts["E1"].value == "开始 Start" and shifts.column_dimensions["A"].width == len("代码 Code") + 2 + 2
