"""A roster as an XLSX workbook (pure: RosterGrid in, bytes out): the grid with typed dates, holiday and
adjusted-working-day marks, shift colours, row totals and daily head counts, plus a sheet of shift types.

Headers are bilingual and fixed, like the signed PDF, so one file serves Chinese and English readers. Every
text cell (names, positions, shift names, codes) is neutralised against formula injection.
"""
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from hrapp.blueprints.roster.colours import HEX, text_colour
from hrapp.blueprints.roster.services import RosterGrid
from hrapp.core.sheets import Table, add_table, fit_columns, put, save

WEEKDAYS = "一二三四五六日"
FIXED = ("工号 Staff no.", "姓名 Name", "岗位 Position")
TOTALS = ("工时 Hours", "班 Days", "夜 Nights", "休 Rest", "假 Leave")
SHIFT_HEADERS = ("代码 Code", "名称 Name", "英文名 English name", "类别 Kind", "开始 Start", "结束 End", "夜班 Night")
KIND_TEXT = {"work": "上班 Work", "rest": "休息 Rest", "leave": "请假 Leave"}
DAY_FILLS = {"holiday": "F8D7DA", "workday": "FFE8B3", "weekend": "ECECEC"}
BOLD, RED = Font(bold=True), Font(color="C62828", bold=True)
CENTRE = Alignment(horizontal="center", vertical="center")
HEADER_ROW, MARK_ROW, FIRST_ROW = 2, 3, 4
STATUS_TEXT = {"draft": "草稿 Draft", "published": "已发布 Published", "locked": "已锁定 Locked"}
DAY_WIDTH = 6


def _fill(colour: str, cache: dict[str, PatternFill]) -> PatternFill:
    if colour not in cache:
        cache[colour] = PatternFill("solid", start_color=colour, end_color=colour)
    return cache[colour]


def _day_mark(kind: str, day: date) -> str:
    return "休" if kind == "holiday" else "班" if kind == "workday" else WEEKDAYS[day.weekday()]


def _header(sheet, grid: RosterGrid, title: str, fills: dict) -> None:
    width = len(FIXED) + len(grid.days) + len(TOTALS)
    put(sheet, 1, 1, title).font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for col, text in enumerate(FIXED, 1):
        put(sheet, HEADER_ROW, col, text).font = BOLD
    for col, day in enumerate(grid.days, len(FIXED) + 1):
        top = put(sheet, HEADER_ROW, col, day.day, fmt="m-d")
        top.font, top.alignment = BOLD, CENTRE
        mark = put(sheet, MARK_ROW, col, _day_mark(day.kind, day.day))
        mark.alignment = CENTRE
        kind = day.kind if day.kind in ("holiday", "workday") else "weekend" if day.is_weekend else ""
        if kind:
            top.fill = mark.fill = _fill(DAY_FILLS[kind], fills)
    for col, text in enumerate(TOTALS, len(FIXED) + len(grid.days) + 1):
        put(sheet, HEADER_ROW, col, text).font = BOLD


def _rows(sheet, grid: RosterGrid, fills: dict) -> int:
    """The people, one row each; returns the next free row."""
    colours = {t.code: t.colour for t in grid.shift_types}
    fonts = {c: Font(color="FFFFFF" if text_colour(c) == "#fff" else "000000") for c in colours.values()}
    row = FIRST_ROW
    for line in grid.rows:
        for col, value in enumerate((line.staff_number, line.name, line.position), 1):
            put(sheet, row, col, value)
        for col, day in enumerate(grid.days, len(FIXED) + 1):
            cell = line.cells.get(day.day)
            if cell is None:
                continue
            target = put(sheet, row, col, cell.code)
            target.alignment = CENTRE
            colour = colours.get(cell.code, "")
            if HEX.match(colour):
                target.fill, target.font = _fill(colour.lstrip("#").upper(), fills), fonts[colour]
        t = line.totals
        for col, value in enumerate((t.hours, t.work_days, t.nights, t.rest_days, t.leave_days),
                                    len(FIXED) + len(grid.days) + 1):
            put(sheet, row, col, value)
        row += 1
    return row


def _coverage(sheet, grid: RosterGrid, row: int) -> None:
    """Per working shift: people on it each day (red where below the demand)."""
    for shift in grid.shift_types:
        totals = [grid.columns.get((d.day, shift.code)) for d in grid.days]
        if shift.kind != "work" or not any(c is not None and (c.assigned or c.required) for c in totals):
            continue
        put(sheet, row, 2, f"{shift.code} 人数 Staff").font = BOLD
        for col, total in enumerate(totals, len(FIXED) + 1):
            if total is not None:
                cell = put(sheet, row, col, total.assigned)
                cell.alignment = CENTRE
                if total.missing:
                    cell.font = RED
        row += 1


def _shift_table(grid: RosterGrid) -> Table:
    rows = [(t.code, t.name, t.name_en, KIND_TEXT.get(t.kind, t.kind), t.start, t.end, "是 Yes" if t.is_night else "")
            for t in grid.shift_types]
    return Table("班次 Shift types", SHIFT_HEADERS, rows)


def roster_workbook(grid: RosterGrid, title: str) -> bytes:
    """The XLSX bytes of `grid` (every row given: filter `grid.rows` beforehand to export fewer people).

    :param title: the first line, e.g. "FO 前厅部 · 2026-05 · 已发布 Published" (neutralised like every text).
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "排班 Roster"
    fills: dict[str, PatternFill] = {}
    _header(sheet, grid, title, fills)
    next_row = _rows(sheet, grid, fills)
    _coverage(sheet, grid, next_row + 1)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=len(FIXED) + 1)
    # Widths from content below the merged title; the day columns stay narrow (one code each).
    fit_columns(sheet, first_row=HEADER_ROW, fixed={col: DAY_WIDTH for col in range(len(FIXED) + 1,
                                                                                   len(FIXED) + len(grid.days) + 1)})
    add_table(workbook, _shift_table(grid))
    return save(workbook)
