"""Signature boxes: a flowable that draws captioned empty boxes and records where they landed,
so that each signer's visible stamp is placed exactly inside its box."""
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable

from hrapp.blueprints.reports.pdf.fonts import plain, register_font

PER_ROW = 3
GAP = 12
CAPTION = 14
BOX_HEIGHT = 64
ROW_GAP = 10


@dataclass(frozen=True)
class SlotBox:
    """Where one signature goes: 0-based page index and (x1, y1, x2, y2) in PDF points."""

    page: int
    box: tuple[int, int, int, int]
    label: str


class SignatureBlock(Flowable):
    """Rows of up to three captioned boxes; never split across pages."""

    def __init__(self, labels: tuple[str, ...]):
        super().__init__()
        self.labels = tuple(labels)
        self.placed: tuple[SlotBox, ...] = ()
        self._width = 0.0

    def _rows(self) -> int:
        return (len(self.labels) + PER_ROW - 1) // PER_ROW

    def wrap(self, avail_width, avail_height):
        self._width = avail_width
        return avail_width, 16 + self._rows() * (CAPTION + BOX_HEIGHT + ROW_GAP)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (ReportLab API)
        self._origin = (x, y)
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        canv, font = self.canv, register_font()
        ox, oy = self._origin
        per_row = min(PER_ROW, len(self.labels))
        box_width = (self._width - GAP * (per_row - 1)) / per_row
        top = self._rows() * (CAPTION + BOX_HEIGHT + ROW_GAP)
        page = canv.getPageNumber() - 1
        placed = []
        for i, label in enumerate(self.labels):
            row, col = divmod(i, PER_ROW)
            x = col * (box_width + GAP)
            y = top - row * (CAPTION + BOX_HEIGHT + ROW_GAP) - CAPTION - BOX_HEIGHT
            canv.setFont(font, 8.5)
            canv.setFillColor(colors.black)
            canv.drawString(x, y + BOX_HEIGHT + 4, plain(label, 40))
            canv.setStrokeColor(colors.lightgrey)
            canv.setDash(2, 2)
            canv.rect(x, y, box_width, BOX_HEIGHT)
            canv.setDash()
            placed.append(SlotBox(page, (round(ox + x), round(oy + y), round(ox + x + box_width),
                                         round(oy + y + BOX_HEIGHT)), label))
        self.placed = tuple(placed)
