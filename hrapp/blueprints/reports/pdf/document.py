"""The shared page layout of every report: letterhead, "page x of y", footer with the verification
code, and the boxes where signatures will be stamped.

`render(letterhead, story, signature_labels)` is deterministic: ReportLab runs with
``invariant=1`` (fixed dates and file id), so identical input gives identical unsigned bytes.
"""
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from hrapp.blueprints.reports.pdf.fonts import FONT_LOCK, plain, register_font
from hrapp.blueprints.reports.pdf.slots import SignatureBlock, SlotBox

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FIRST_HEADER = 78
LATER_HEADER = 30
FOOTER = 30
QR_SIZE = 34  # points: about 12 mm, inside the bottom margin


@dataclass(frozen=True)
class Letterhead:
    """What every page names: the company, the document, its number, date and verification code."""

    company: str
    title: str
    number: str
    issued_on: date
    verification_code: str
    verify_hint: str = ""
    verify_link: str = ""  # the document's verify page: a QR code in every footer opens it


@dataclass(frozen=True)
class BuiltPdf:
    """An unsigned report: its bytes, page count and where each signature goes."""

    data: bytes
    pages: int
    slots: tuple[SlotBox, ...]


def _numbered_canvas(letterhead: Letterhead):
    """A canvas class that holds pages back until the end so each footer can say "of y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab API)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                _draw_footer(self, letterhead, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _draw_footer(canv: Canvas, lh: Letterhead, page: int, total: int) -> None:
    font = register_font()
    y = MARGIN - 4
    page_width = canv._pagesize[0]  # portrait or landscape, as the document was built
    canv.saveState()
    canv.setStrokeColor(colors.grey)
    canv.setLineWidth(0.4)
    canv.line(MARGIN, y + 12, page_width - MARGIN, y + 12)
    canv.setFont(font, 7.5)
    canv.setFillColor(colors.black)
    left = f"编号 No. {plain(lh.number, 40)} · 验证码 Verification code {plain(lh.verification_code, 40)}"
    canv.drawString(MARGIN, y, left)
    canv.drawRightString(page_width - MARGIN, y, f"第 {page} / {total} 页 · Page {page} of {total}")
    if lh.verify_hint:
        canv.setFillColor(colors.grey)
        canv.drawString(MARGIN, y - 10, plain(lh.verify_hint, 120))
    if lh.verify_link:
        _draw_qr(canv, lh.verify_link, page_width - MARGIN, y - 6)
    canv.restoreState()


def _draw_qr(canv: Canvas, link: str, right: float, top: float) -> None:
    """A QR code of `link` whose top-right corner is (right, top), captioned 扫码验真 on its left."""
    widget = QrCodeWidget(link, barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canv, right - QR_SIZE, top - QR_SIZE)
    canv.setFont(register_font(), 6.5)
    canv.setFillColor(colors.grey)
    canv.drawRightString(right - QR_SIZE - 3, top - QR_SIZE / 2 - 2, "扫码验真 Scan to verify")


def _first_page(lh: Letterhead):
    def draw(canv: Canvas, doc) -> None:
        font = register_font()
        page_width, page_height = doc.pagesize
        top = page_height - MARGIN
        canv.saveState()
        canv.setFont(font, 11)
        canv.drawString(MARGIN, top - 12, plain(lh.company, 60))
        canv.setFont(font, 16)
        canv.drawString(MARGIN, top - 38, plain(lh.title, 40))
        canv.setFont(font, 8.5)
        right = page_width - MARGIN
        canv.drawRightString(right, top - 12, f"编号 No. {plain(lh.number, 40)}")
        canv.drawRightString(right, top - 25, f"日期 Date {lh.issued_on.isoformat()}")
        canv.drawRightString(right, top - 38, f"验证码 Code {plain(lh.verification_code, 40)}")
        canv.setStrokeColor(colors.HexColor("#1f4e79"))
        canv.setLineWidth(1.2)
        canv.line(MARGIN, top - FIRST_HEADER + 20, page_width - MARGIN, top - FIRST_HEADER + 20)
        canv.restoreState()
    return draw


def _later_page(lh: Letterhead):
    def draw(canv: Canvas, doc) -> None:
        font = register_font()
        page_width, page_height = doc.pagesize
        top = page_height - MARGIN
        canv.saveState()
        canv.setFont(font, 8.5)
        canv.drawString(MARGIN, top - 10, f"{plain(lh.company, 40)} · {plain(lh.title, 40)}")
        canv.drawRightString(page_width - MARGIN, top - 10, f"编号 No. {plain(lh.number, 40)}")
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.4)
        canv.line(MARGIN, top - 16, page_width - MARGIN, top - 16)
        canv.restoreState()
    return draw


def render(letterhead: Letterhead, story: list, signature_labels: tuple[str, ...] = (),
           pagesize: tuple[float, float] = A4) -> BuiltPdf:
    """Lay out `story` (ReportLab flowables) under the letterhead, then a signature block.

    :param signature_labels: one caption per signature box, in signing order ("批准 Approved by").
    :param pagesize: (width, height) in points; ``landscape(A4)`` for wide tables (content width
        ``pagesize[0] - 2 * MARGIN``).
    :return: the unsigned PDF and each box's page and rectangle, for the signer's visible stamp.
    :raise reportlab.platypus.doctemplate.LayoutError: a flowable cannot fit on any page.
    """
    register_font()
    buf = BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=pagesize, invariant=1, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=plain(letterhead.title, 120), author=plain(letterhead.company, 120),
        subject=f"{plain(letterhead.number, 40)} {plain(letterhead.verification_code, 40)}",
        creator="hrapp", producer="hrapp", lang="zh-CN", initialFontName=register_font(), initialFontSize=9,
    )
    body_bottom, (page_width, page_height) = MARGIN + FOOTER, pagesize
    content_width = page_width - 2 * MARGIN
    first = Frame(MARGIN, body_bottom, content_width, page_height - 2 * MARGIN - FIRST_HEADER - FOOTER,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, body_bottom, content_width, page_height - 2 * MARGIN - LATER_HEADER - FOOTER,
                  id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=_first_page(letterhead), autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=_later_page(letterhead)),
    ])
    block = SignatureBlock(signature_labels) if signature_labels else None
    with FONT_LOCK:
        doc.build(list(story) + ([block] if block else []), canvasmaker=_numbered_canvas(letterhead))
    data = buf.getvalue()
    return BuiltPdf(data=data, pages=doc.page, slots=block.placed if block else ())
