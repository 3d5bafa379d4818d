"""Pure grid edits: rotation patterns, copying the previous period, swapping two people's cells."""
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hrapp.blueprints.roster.rules.specs import Assignment

PATTERN_SEPARATORS = re.compile(r"[\s,，、/|;；]+")
MAX_PATTERN_LENGTH = 62


@dataclass(frozen=True)
class ParsedPattern:
    """A rotation pattern split into shift codes; `unknown` lists the pieces that are no known code."""

    codes: tuple[str, ...]
    unknown: tuple[str, ...]


def parse_pattern(text: str, known_codes: Iterable[str]) -> ParsedPattern:
    """Split a rotation pattern such as "早早中中晚晚休休" or "E,E,L,L,N,N,R,R" into codes.

    With separators (space, comma, 、, /, |, ;) each piece is a code; without, the longest known code is
    matched at each position, so multi-character codes need no separator.
    """
    known = set(known_codes)
    text = (text or "").strip()
    if PATTERN_SEPARATORS.search(text):
        pieces = [p for p in PATTERN_SEPARATORS.split(text) if p]
    else:
        pieces, i = [], 0
        longest = max((len(c) for c in known), default=1)
        while i < len(text):
            match = next((text[i:i + n] for n in range(min(longest, len(text) - i), 0, -1)
                          if text[i:i + n] in known), text[i])
            pieces.append(match)
            i += len(match)
    unknown = tuple(dict.fromkeys(p for p in pieces if p not in known))
    return ParsedPattern(tuple(pieces), unknown)


def pattern_problem(parsed: ParsedPattern) -> str | None:
    """Reason code why a parsed pattern cannot be applied (pattern_empty/_unknown_codes/_too_long), or None."""
    if not parsed.codes:
        return "pattern_empty"
    if parsed.unknown:
        return "pattern_unknown_codes"
    if len(parsed.codes) > MAX_PATTERN_LENGTH:
        return "pattern_too_long"
    return None


def pattern_cells(codes: Sequence[str], offsets: Mapping[int, int], days: Sequence[date]) -> list[Assignment]:
    """Cells of a rotation: person p works codes[(i + offsets[p]) % len(codes)] on days[i].

    An offset of 2 starts that person at the pattern's third code on the first day.
    """
    n = len(codes)
    return [Assignment(staff_id, day, codes[(i + offset) % n])
            for staff_id, offset in offsets.items() for i, day in enumerate(days)]


def copy_source_day(day: date, previous_first: date, previous_last: date) -> date | None:
    """The day of the previous period whose cell `day` copies, on the same weekday, or None.

    The period is shifted back by the whole weeks the previous period spans (a month: four weeks), so a
    month keeps its variety; days beyond that take the latest same weekday. Weekday alignment keeps weekend
    and weekday patterns in place when the periods differ in length.
    """
    if day <= previous_last:
        return None
    span = timedelta(weeks=max(1, ((previous_last - previous_first).days + 1) // 7))
    if previous_first <= day - span <= previous_last:
        return day - span
    source = day - timedelta(days=7 * -(-(day - previous_last).days // 7))
    return source if source >= previous_first else None


def swapped_cells(cells: Mapping[tuple[int, date], str | None], requester: int, partner: int,
                  days: Iterable[date]) -> dict[tuple[int, date], str | None]:
    """The cells after `requester` and `partner` exchange what they work on each of `days`.

    Swapping (A, Monday) for (B, Wednesday) exchanges both days, so each person still has one cell a day.
    Returns only the cells that change; None means an empty cell.
    """
    changes: dict[tuple[int, date], str | None] = {}
    for day in set(days):
        mine, theirs = cells.get((requester, day)), cells.get((partner, day))
        if mine != theirs:
            changes[(requester, day)] = theirs
            changes[(partner, day)] = mine
    return changes
