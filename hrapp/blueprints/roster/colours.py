"""Shift colours as CSS classes: the strict CSP forbids style attributes, so a generated stylesheet maps each
colour in use to a class named after it (`shift-c-43a047`), which every page can use."""
import re
from collections.abc import Iterable

HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def css_class(colour: str | None) -> str:
    """The class of a shift colour ("shift-c-none" for anything that is not #rrggbb)."""
    match = HEX.match(colour or "")
    return f"shift-c-{match.group(1).lower()}" if match else "shift-c-none"


def text_colour(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (WCAG relative luminance)."""
    match = HEX.match(colour)
    if not match:
        return "#000"
    channels = [int(match.group(1)[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000" if luminance > 0.179 else "#fff"


def stylesheet(colours: Iterable[str]) -> str:
    """CSS rules for every valid colour given (duplicates and bad values dropped), in a stable order."""
    valid = sorted({c.lower() for c in colours if HEX.match(c or "")})
    rules = [f".{css_class(c)}{{background-color:{c};color:{text_colour(c)}}}" for c in valid]
    return "\n".join([".shift-c-none{background-color:#fff;color:#000}", *rules]) + "\n"
