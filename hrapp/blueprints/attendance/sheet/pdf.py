"""月度考勤表 Monthly attendance sheet: one department's month on landscape A4 — a mark per person and day,
each person's totals, their leave by type, the legend, and the signatures (the head, then HR)."""
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import LongTable, Spacer, TableStyle

from hrapp.blueprints.reports.pdf.document import MARGIN, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.fonts import plain, register_font
from hrapp.blueprints.reports.pdf.tables import HEADER_FILL, data_table, field_table, para

TITLE = "月度考勤表 Monthly attendance sheet"
PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN
WEEKDAYS = "一二三四五六日"
TOTALS = ("出勤\nWorked", "迟到\nLate", "迟(分)\nLate min", "早退\nEarly", "早(分)\nEarly min", "旷工\nAbsent",
          "缺卡\nMissing", "假\nLeave", "加班\nOT h", "休息日\nRest OT", "节假日\nHol. OT", "欠休\nRest owed")
FIXED = (38.0, 62.0)
TOTAL_WIDTH = 23.0
FONT_SIZE, LEADING = 6.5, 8.0
FILLS = {"holiday": colors.HexColor("#f8d7da"), "weekend": colors.HexColor("#ececec")}
LEGEND = ("√ 出勤 On time · 迟 迟到 Late · 早 早退 Left early · 旷 旷工 Absent · 假 请假 Leave · 休 休息 Rest · "
          "加 加班 Worked a rest day · 缺 缺卡 Missing punch · … 未完成 Not yet complete. "
          "加班 OT: 工作日 working days · 休息日 rest days · 节假日 public holidays (hours).")


@dataclass(frozen=True)
class SheetLine:
    """One person: a mark per day and the totals as text (see TOTALS), their leave by type ("年假 2 · 病假 1")."""

    staff_number: str
    name: str
    marks: tuple[str, ...]
    totals: tuple[str, ...]
    leave: str = ""


@dataclass(frozen=True)
class SheetPdfData:
    """A department's month as text, prepared by the sheet's documents (no ORM objects)."""

    letterhead: Letterhead
    department: str
    period: str
    closed: str
    days: tuple[date, ...]
    holidays: tuple[bool, ...]
    lines: tuple[SheetLine, ...]
    signature_labels: tuple[str, ...] = ("部门经理 Department head", "人事部 HR")


def _grid(data: SheetPdfData) -> LongTable:
    day_width = (WIDTH - sum(FIXED) - TOTAL_WIDTH * len(TOTALS)) / max(1, len(data.days))
    widths = [*FIXED, *[day_width] * len(data.days), *[TOTAL_WIDTH] * len(TOTALS)]
    first_day, first_total = len(FIXED), len(FIXED) + len(data.days)
    rows: list[list] = [["工号\nNo.", "姓名 Name", *(str(d.day) for d in data.days), *TOTALS],
                        ["", "", *(WEEKDAYS[d.weekday()] for d in data.days), *[""] * len(TOTALS)]]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), register_font(), FONT_SIZE, LEADING),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (first_day, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL), ("FONTSIZE", (first_total, 0), (-1, 0), 5),
        *[("SPAN", (c, 0), (c, 1)) for c in (0, 1, *range(first_total, len(widths)))],
    ]
    for col, (d, holiday) in enumerate(zip(data.days, data.holidays, strict=True), first_day):
        fill = "holiday" if holiday else "weekend" if d.weekday() >= 5 else ""
        if fill:
            commands.append(("BACKGROUND", (col, 1), (col, -1), FILLS[fill]))
    for line in data.lines:
        r = len(rows)
        rows.append([plain(line.staff_number, 20), plain(line.name, 14), *line.marks, *line.totals])
        commands += [("FONTSIZE", (col, r), (col, r), 4.5) for col, mark in enumerate(line.marks, first_day)
                     if len(mark) > 1]
    table = LongTable(rows, colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle(commands))
    return table


def build_sheet_pdf(data: SheetPdfData) -> BuiltPdf:
    """Lay out the sheet on landscape A4: facts, the marks grid with totals, leave by type, legend, signatures."""
    pairs = [("部门 Department", data.department), ("月份 Month", data.period), ("月结 Closed", data.closed),
             ("人数 Staff", str(len(data.lines)))]
    story: list = [field_table(pairs, WIDTH, columns=2), Spacer(0, 6), _grid(data), Spacer(0, 6)]
    if not data.lines:
        story.append(para("本月无考勤人员 No one has attendance in this month.", "note"))
    leave = [(line.staff_number, line.name, line.leave) for line in data.lines if line.leave]
    if leave:
        story += [para("请假明细 Leave by type (days)", "cell_head"),
                  data_table(("工号 No.", "姓名 Name", "假别 Leave types"), leave, (0.1, 0.2, 0.7), WIDTH),
                  Spacer(0, 6)]
    story.append(para(LEGEND, "note"))
    return render(data.letterhead, story, data.signature_labels, pagesize=PAGE)
