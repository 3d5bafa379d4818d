"""Line breaking for bilingual text: Latin words stay whole, Chinese breaks between any two characters.

ReportLab's CJK wrapping breaks anywhere, so a bilingual label came out as "Emergen / cy contact";
its Western wrapping breaks only at spaces, so Chinese overflowed. Pure: the caller measures text.
"""
import re
import unicodedata
from collections.abc import Callable

# Closing punctuation never starts a line (it stays with the character before it).
NO_LINE_START = frozenset("，。、；：？！）」』》〉】”’,.;:?!)]}%")
_SPACE = re.compile(r"\s+")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def tokens(line: str) -> list[str]:
    """Break opportunities of one line: words of narrow characters, single wide characters (with the
    closing punctuation after them), and " " for any run of spaces."""
    out: list[str] = []
    word = ""
    for ch in line:
        if ch.isspace():
            if word:
                out.append(word)
                word = ""
            if out and out[-1] != " ":
                out.append(" ")
        elif ch in NO_LINE_START and (word or (out and out[-1] != " ")):
            if word:
                word += ch
            else:
                out[-1] += ch
        elif _is_wide(ch):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


def _split_long(token: str, width: float, measure: Callable[[str], float]) -> list[str]:
    pieces, current = [], ""
    for ch in token:
        if current and measure(current + ch) > width:
            pieces.append(current)
            current = ""
        current += ch
    return pieces + [current] if current else pieces


def wrap_text(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """`text` as lines no wider than `width` (as `measure` says), breaking only between words, between
    wide (CJK) characters or at spaces; a single word wider than a line is split between characters.
    Newlines in `text` are kept as line breaks; spaces at line ends are dropped."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, gap = "", False
        for token in tokens(paragraph):
            if token == " ":
                gap = bool(line)
                continue
            glue = " " if gap and (not _is_wide(token[0]) or not _is_wide(line[-1])) else ""
            gap = False
            if not line or measure(line + glue + token) <= width:
                line = line + glue + token if line else token
            else:
                lines.append(line)
                line = token
            if measure(line) > width:  # one word wider than the line: split it, keep its tail
                *full, line = _split_long(line, width, measure)
                lines.extend(full)
        lines.append(line)
    return lines
