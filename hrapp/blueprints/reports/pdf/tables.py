"""Paragraph styles and tables shared by every report: tables paginate with a repeated header."""
from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

from hrapp.blueprints.reports.pdf.fonts import clean, markup, plain, register_font, truncate
from hrapp.blueprints.reports.pdf.wrap import wrap_text

# A table row cannot split across pages: cap a cell so one row always fits on a page.
CELL_LIMIT = 500
CELL_LINES = 12
CELL_PADDING = 4
HEADER_FILL = colors.HexColor("#dce6f1")
LABEL_FILL = colors.HexColor("#f2f2f2")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The report paragraph styles; CJK line breaking everywhere."""
    font = register_font()
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13.5, wordWrap="CJK")
    return {
        "body": base,
        "heading": ParagraphStyle("heading", parent=base, fontSize=11.5, leading=16, spaceBefore=8,
                                  spaceAfter=4, textColor=colors.HexColor("#1f4e79")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontSize=8.5, leading=11),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=colors.grey),
    }


def para(text: str, style: str = "body", limit: int | None = None) -> Paragraph:
    """A paragraph of literal text (escaped, never parsed as markup)."""
    return Paragraph(markup(text, limit), styles()[style])


def heading(text: str) -> list:
    """A section heading, moved to the next page rather than left alone at the bottom of one."""
    return [CondPageBreak(70), para(text, "heading", 200)]


def _cell(text: str, width: float, style: str = "cell", limit: int = CELL_LIMIT):
    """A table cell: a plain string when it fits on one line (fast), else a wrapping Paragraph."""
    st = styles()[style]
    cleaned = clean(text)
    if "\n" not in cleaned and len(cleaned) <= 80:
        line = plain(cleaned)
        if stringWidth(line, st.fontName, st.fontSize) <= width - 2 * CELL_PADDING:
            return line
    # Broken here, at word boundaries for Latin and anywhere in Chinese (ReportLab's CJK wrapping would
    # cut "Emergency" in two); each line then fits, so the Paragraph breaks nothing further.
    room = width - 2 * CELL_PADDING
    lines = wrap_text(truncate(cleaned, limit, CELL_LINES), room,
                      lambda s: stringWidth(plain(s), st.fontName, st.fontSize))
    return Paragraph(markup("\n".join(lines)), st)


def _grid_style(extra: list) -> TableStyle:
    st = styles()["cell"]
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), st.fontName, st.fontSize, st.leading),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        *extra,
    ])


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               total_width: float) -> Table:
    """A grid whose header row repeats on every page it spans.

    :param widths: column widths as fractions of `total_width` (they should add up to 1).
    """
    cols = [w * total_width for w in widths]
    data = [[_cell(h, w, "cell_head", 80) for h, w in zip(header, cols, strict=True)]]
    data += [[_cell(value, w) for value, w in zip(row, cols, strict=True)] for row in rows]
    table = Table(data, colWidths=cols, repeatRows=1)
    table.setStyle(_grid_style([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#fafafa")]),
    ]))
    return table


def field_table(pairs: Sequence[tuple[str, str]], total_width: float, columns: int = 2) -> Table:
    """Label/value pairs laid out `columns` pairs per row (labels shaded)."""
    label_w, value_w = 0.36 / columns * total_width, 0.64 / columns * total_width
    rows, row = [], []
    for label, value in pairs:
        row += [_cell(label, label_w, limit=60), _cell(value, value_w)]
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    table = Table(rows, colWidths=[label_w, value_w] * columns)
    table.setStyle(_grid_style([("BACKGROUND", (2 * c, 0), (2 * c, -1), LABEL_FILL) for c in range(columns)]))
    return table
