"""The CJK TrueType font every report embeds (as a subset), and text sanitising for ReportLab.

ReportLab silently draws nothing for a character its font lacks, and parses Paragraph text as
markup. Every string that reaches a renderer goes through `plain()` (canvas strings) or
`markup()` (Paragraph text): control and format characters are removed, markup is escaped, and
a character outside the font is replaced by a visible ``[U+XXXX]`` marker instead of a blank.
"""
import logging
import os
import threading
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

logger = logging.getLogger(__name__)

FONT_NAME = "HrCJK"
# TrueType (glyf) CJK fonts only: ReportLab cannot embed CFF/OpenType outlines (Noto CJK).
FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
)
# ReportLab's parsed TrueType face reads its data through one shared file position: building two
# documents at once in one process (a bulk job and a web request) must not interleave subsetting.
FONT_LOCK = threading.RLock()
# Unicode categories never printed: controls, format (bidi overrides, zero-width), surrogates,
# private use and unassigned code points.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


class FontUnavailable(RuntimeError):
    """No usable CJK TrueType font is installed."""


def font_source() -> tuple[str, int]:
    """(path, face index) of the CJK font: HRAPP_CJK_FONT[:index] or the first installed candidate.

    :raise FontUnavailable: none is installed (Debian: ``apt-get install fonts-wqy-zenhei``).
    """
    configured = os.environ.get("HRAPP_CJK_FONT")
    if configured:
        path, _, index = configured.partition(":")
        return path, int(index or 0)
    for path, index in FONT_CANDIDATES:
        if os.path.exists(path):
            return path, index
    raise FontUnavailable("No CJK TrueType font found; install fonts-wqy-zenhei "
                          "or set HRAPP_CJK_FONT=/path/to/font.ttc:0")


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the CJK font with ReportLab once per process; return its ReportLab name."""
    path, index = font_source()
    pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=index))
    return FONT_NAME


@lru_cache(maxsize=1)
def covered_codepoints() -> frozenset[int]:
    """Code points the CJK font has a glyph for."""
    register_font()
    return frozenset(pdfmetrics.getFont(FONT_NAME).face.charToGlyph)


def missing_chars(text: str) -> list[str]:
    """Printable characters of `text` the font cannot draw (after clean-up), in order, unique."""
    covered = covered_codepoints()
    seen: dict[str, None] = {}
    for ch in clean(text):
        if ch not in "\n\t" and ord(ch) not in covered:
            seen[ch] = None
    return list(seen)


def clean(text: str) -> str:
    """NFC-normalise and drop unprintable characters; keep newlines and tabs."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in _DROPPED_CATEGORIES)


@lru_cache(maxsize=256)
def _warn_missing(ch: str) -> None:
    logger.warning("character U+%04X is not in the report font; printed as [U+%04X]", ord(ch), ord(ch))


def _substitute(text: str) -> str:
    covered = covered_codepoints()
    out = []
    for ch in text:
        if ch in "\n\t" or ord(ch) in covered:
            out.append(ch)
        else:
            _warn_missing(ch)
            out.append(f"[U+{ord(ch):04X}]")
    return "".join(out)


def plain(text: str, limit: int | None = None) -> str:
    """One line of text safe for canvas.drawString: printable, in the font, at most `limit` chars."""
    value = _substitute(clean(text)).replace("\n", " ").replace("\t", " ")
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    return value


def truncate(text: str, limit: int | None = None, max_lines: int | None = None) -> str:
    """`text` cleaned and cut to `max_lines` lines and `limit` characters, with a visible ellipsis."""
    value = clean(text)
    if max_lines is not None and value.count("\n") >= max_lines:
        value = "\n".join(value.split("\n")[:max_lines]) + "…"
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    return value


def markup(text: str, limit: int | None = None, max_lines: int | None = None) -> str:
    """Paragraph markup for literal `text`: escaped, printable, in the font; newlines kept as <br/>.

    `limit` (characters) and `max_lines` truncate very long values, with a visible ellipsis,
    where the layout cannot grow: a table cell cannot split across pages.
    """
    value = escape(_substitute(truncate(text, limit, max_lines))).replace("\t", " ")
    return value.replace("\n", "<br/>")
