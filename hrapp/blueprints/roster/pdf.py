"""排班表 Roster: one department's published roster for a week or a month, on landscape A4.

The grid (staff × days) carries each person's shift codes and row totals, with public holidays (休)
and adjusted working days (班) marked in the header, and daily head counts per working shift below.
A month fits one table width; a wider period is cut into day blocks, each with its own header.
Rows continue over as many pages as needed, the two header rows repeating on each.
"""
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, Spacer, Table, TableStyle

from hrapp.blueprints.reports.pdf.document import MARGIN, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.fonts import markup, plain, register_font
from hrapp.blueprints.reports.pdf.tables import HEADER_FILL, field_table, para, styles

TITLE = "排班表 Roster"
PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN
WEEKDAYS = "一二三四五六日"
TOTALS = ("工时\nHours", "班\nDays", "夜\nNights", "休\nRest", "假\nLeave")
FIXED = (40.0, 84.0)  # staff number, name (with its pinyin: "贾勇 (Jia Yong)" stays on one line)
TOTAL_WIDTHS = (30.0, 22.0, 24.0, 22.0, 22.0)
MIN_DAY, MAX_DAY = 15.0, 42.0
FONT_SIZE, LEADING = 7.0, 8.5
FILLS = {"holiday": colors.HexColor("#f8d7da"), "workday": colors.HexColor("#ffe8b3"),
         "weekend": colors.HexColor("#ececec"), "rest": colors.HexColor("#e3e3e3"),
         "leave": colors.HexColor("#eadfd6")}
SHORT_TEXT = colors.HexColor("#c62828")
LEGEND_PER_ROW, LEGEND_CODE = 5, 18.0


@dataclass(frozen=True)
class RosterDay:
    """A column: `kind` is "holiday" (public holiday), "workday" (调休上班) or "normal"."""

    day: date
    kind: str = "normal"
    is_weekend: bool = False
    holiday_name: str = ""


@dataclass(frozen=True)
class RosterLine:
    """One person: a code per day ("" for an empty cell) and the row totals as text (see TOTALS)."""

    staff_number: str
    name: str
    codes: tuple[str, ...]
    totals: tuple[str, ...]


@dataclass(frozen=True)
class LegendEntry:
    """A shift type: `kind` is "work", "rest" or "leave"; `hours` is empty for markers."""

    code: str
    name: str
    hours: str
    kind: str


@dataclass(frozen=True)
class CoverageLine:
    """People on a working shift per day, and whether that day is below the demand."""

    code: str
    counts: tuple[str, ...]
    short: tuple[bool, ...]


@dataclass(frozen=True)
class RosterPdfData:
    """A roster as text, prepared by sources (no ORM objects)."""

    letterhead: Letterhead
    department: str
    period: str
    status: str
    published: str
    days: tuple[RosterDay, ...]
    lines: tuple[RosterLine, ...]
    legend: tuple[LegendEntry, ...] = ()
    coverage: tuple[CoverageLine, ...] = ()
    signature_labels: tuple[str, ...] = ("部门经理 Department head",)


def day_blocks(count: int, width: float = WIDTH) -> list[range]:
    """Split `count` day columns into as few even blocks as fit `width` beside the fixed columns."""
    room = width - sum(FIXED) - sum(TOTAL_WIDTHS)
    per_block = max(1, int(room // MIN_DAY))
    blocks = max(1, -(-count // per_block))
    size = -(-count // blocks) if count else 0
    return [range(i, min(i + size, count)) for i in range(0, count, size)] if count else [range(0)]


def _fits(text: str, width: float, size: float = FONT_SIZE) -> bool:
    return stringWidth(text, register_font(), size) <= width


def _text_cell(text: str, width: float, limit: int = 60):
    """A plain string when it fits on one line (fast), else a paragraph wrapping onto a second line."""
    line = plain(text, limit)
    if _fits(line, width - 4):
        return line
    style = styles()["cell"].clone("roster_cell", fontSize=FONT_SIZE, leading=LEADING)
    return Paragraph(markup(text, limit, 2), style)


def _header(days: list[RosterDay]) -> list[list[str]]:
    numbers = ["工号\nNo.", "姓名 Name", *(str(d.day.day) for d in days), *TOTALS]
    marks = ["", "", *("休" if d.kind == "holiday" else "班" if d.kind == "workday" else WEEKDAYS[d.day.weekday()]
                       for d in days), *[""] * len(TOTALS)]
    return [numbers, marks]


def _grid(data: RosterPdfData, block: range, kinds: dict[str, str]) -> Table:
    """The table of one block of days: two header rows, one row per person, the coverage rows."""
    days = [data.days[i] for i in block]
    day_width = min(MAX_DAY, (WIDTH - sum(FIXED) - sum(TOTAL_WIDTHS)) / max(1, len(days)))
    widths = [*FIXED, *[day_width] * len(days), *TOTAL_WIDTHS]
    first_day, first_total = len(FIXED), len(FIXED) + len(days)
    rows: list[list] = _header(days)
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), register_font(), FONT_SIZE, LEADING),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (first_day, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
        ("FONTSIZE", (first_total, 0), (-1, 0), 6),
        *[("SPAN", (c, 0), (c, 1)) for c in (0, 1, *range(first_total, len(widths)))],
    ]
    for col, d in enumerate(days, first_day):
        mark = d.kind if d.kind in ("holiday", "workday") else "weekend" if d.is_weekend else ""
        if mark:
            commands.append(("BACKGROUND", (col, 1), (col, -1), FILLS[mark]))
    for line in data.lines:
        r = len(rows)
        codes = [line.codes[i] for i in block]
        rows.append([plain(line.staff_number, 20), _text_cell(line.name, FIXED[1]), *(plain(c, 8) for c in codes),
                     *line.totals])
        for col, code in enumerate(codes, first_day):
            if kinds.get(code) in ("rest", "leave"):
                commands.append(("BACKGROUND", (col, r), (col, r), FILLS[kinds[code]]))
            if code and not _fits(plain(code, 8), day_width - 3):
                commands.append(("FONTSIZE", (col, r), (col, r), 4.5))
    for cover in data.coverage:
        r = len(rows)
        rows.append([f"{plain(cover.code, 8)} 人数 Staff", "", *(cover.counts[i] for i in block),
                     *[""] * len(TOTALS)])
        commands += [("SPAN", (0, r), (1, r)), ("ALIGN", (0, r), (1, r), "RIGHT"),
                     ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f5f8fc"))]
        commands += [("TEXTCOLOR", (col, r), (col, r), SHORT_TEXT)
                     for col, i in enumerate(block, first_day) if cover.short[i]]
    table = LongTable(rows, colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle(commands))
    return table


def _legend_table(entries: tuple[LegendEntry, ...]) -> Table:
    """The shift types, LEGEND_PER_ROW to a row: the code (shaded like its cells) and its name and hours."""
    text_width = WIDTH / LEGEND_PER_ROW - LEGEND_CODE
    rows, commands = [], [("FONT", (0, 0), (-1, -1), register_font(), FONT_SIZE, LEADING),
                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "LEFT")]
    for start in range(0, len(entries), LEGEND_PER_ROW):
        row = []
        for col, entry in enumerate(entries[start:start + LEGEND_PER_ROW]):
            row += [plain(entry.code, 8), _text_cell(f"{entry.name} {entry.hours}".strip(), text_width, 80)]
            commands += [("BOX", (2 * col, len(rows)), (2 * col, len(rows)), 0.3, colors.grey),
                         ("BACKGROUND", (2 * col, len(rows)), (2 * col, len(rows)),
                          FILLS.get(entry.kind, colors.white)),
                         ("ALIGN", (2 * col, len(rows)), (2 * col, len(rows)), "CENTER")]
        rows.append(row + [""] * (2 * LEGEND_PER_ROW - len(row)))
    table = Table(rows, colWidths=[LEGEND_CODE, text_width] * LEGEND_PER_ROW, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _legend(data: RosterPdfData) -> list:
    story: list = [para("班次说明 Shift types", "cell_head")]
    if data.legend:
        story.append(_legend_table(data.legend))
    holidays = "; ".join(_holiday_ranges(data.days))
    story.append(para("表头 Header: 休 = 法定节假日 Public holiday · 班 = 调休上班 Adjusted working day · "
                      "灰色 Grey = 周末 Weekend · (+1) = 次日结束 Ends the next day · 人数 Staff: 红色 Red = "
                      "低于需求 Below demand." + (f" 节假日 Holidays: {holidays}" if holidays else ""), "note"))
    return story


def _holiday_ranges(days: tuple[RosterDay, ...]) -> list[str]:
    """"05-01–05-05 劳动节" for each run of consecutive holiday days with one name."""
    out, run = [], []
    for d in (*days, None):
        if d is not None and d.kind == "holiday" and (not run or (run[-1].holiday_name == d.holiday_name
                                                                   and (d.day - run[-1].day).days == 1)):
            run.append(d)
            continue
        if run:
            span = run[0].day.strftime("%m-%d") + (f"–{run[-1].day:%m-%d}" if len(run) > 1 else "")
            out.append(f"{span} {run[0].holiday_name}".strip())
        run = [d] if d is not None and d.kind == "holiday" else []
    return out


def build_roster(data: RosterPdfData) -> BuiltPdf:
    """Lay out a roster on landscape A4: facts, the grid (split into day blocks if needed), legend, signatures."""
    pairs = [("部门 Department", data.department), ("期间 Period", data.period), ("状态 Status", data.status),
             ("发布 Published", data.published), ("人数 Staff", str(len(data.lines))),
             ("天数 Days", str(len(data.days)))]
    story: list = [field_table(pairs, WIDTH, columns=3), Spacer(0, 6)]
    kinds = {e.code: e.kind for e in data.legend}
    for block in day_blocks(len(data.days)):
        story += [_grid(data, block, kinds), Spacer(0, 6)]
    if not data.lines:
        story.append(para("本期间无排班人员 Nobody is rostered in this period.", "note"))
    story += _legend(data)
    return render(data.letterhead, story, data.signature_labels, pagesize=PAGE)
