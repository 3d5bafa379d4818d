"""Reading one side's per-item entries (level, value, score, comment) into exact scores, with each problem on
its form field (`level-<item id>`, `value-<item id>`, `score-<item id>`, `comment-<item id>`). Pure of the
request: the views hand over the posted text, the services apply what this returns."""
from dataclasses import dataclass
from decimal import Decimal

from hrapp.models import AppraisalItem, CriterionKind

from .. import rules
from ..messages import problem_text
from .messages import MESSAGES

COMMENT_MAX = 2000


@dataclass
class Entry:
    """One item as a side entered it: the level, the value (a KPI), the override score and the comment."""

    level: int | None = None
    value: Decimal | None = None
    score: Decimal | None = None
    comment: str = ""


def field_names(item: AppraisalItem) -> dict[str, str]:
    """The form field names of `item`'s inputs."""
    return {part: f"{part}-{item.id}" for part in ("level", "value", "score", "comment")}


def posted_entries(items, form) -> dict[int, dict[str, str]]:
    """item id -> the raw text posted for it (only items with at least one input posted)."""
    posted = {}
    for item in items:
        raw = {part: form.get(name) for part, name in field_names(item).items() if name in form}
        if raw:
            posted[item.id] = raw
    return posted


def read_entry(item: AppraisalItem, raw: dict[str, str], errors: dict[str, list]) -> Entry:
    """The entry of `item` from its raw text, problems added to `errors` (a level outside the scale, a value or
    a score that is not a number or lies outside 0..100)."""
    names = field_names(item)
    entry = Entry(comment=(raw.get("comment") or "").strip()[:COMMENT_MAX])
    level_text = (raw.get("level") or "").strip()
    if level_text:
        try:
            entry.level = int(level_text)
            rules.rating_score(entry.level, len(item.levels))
        except ValueError as exc:  # AppraisalRuleError is a ValueError
            problem = getattr(exc, "problem", rules.Problem("level_range", (("count", len(item.levels)),)))
            errors.setdefault(names["level"], []).append(problem_text(problem))
            entry.level = None
    for part in ("value", "score"):
        text = (raw.get(part) or "").strip()
        if not text:
            continue
        number = rules.decimal_or_none(text)
        if number is None or abs(number) >= Decimal("1e10"):
            errors.setdefault(names[part], []).append(MESSAGES["not_a_number"])
        elif part == "score" and not 0 <= number <= rules.HUNDRED:
            errors.setdefault(names[part], []).append(MESSAGES["score_range"])
        else:  # a score keeps the 2 places it is stored with, so a total never differs once reloaded
            setattr(entry, part, rules.rounded(number) if part == "score" else number)
    return entry


def plain_number(number) -> str:
    """A stored Decimal as people write it ("96.5", "100"; "" for None)."""
    return "" if number is None else f"{Decimal(number).normalize():f}"


def form_values(items, side: str, form=None) -> dict[str, str]:
    """field name -> the text an input shows: what was posted (a form sent back with its errors), else what the
    `side` ("self" or "head") saved. The person's own KPI value is not stored (only its score), so it starts
    empty."""
    values = {}
    for item in items:
        names = field_names(item)
        if side == "self":
            saved = {"level": "" if item.self_level is None else str(item.self_level), "comment": item.self_comment}
        else:
            saved = {"level": "" if item.head_level is None else str(item.head_level),
                     "value": plain_number(item.value) if item.kind == CriterionKind.KPI else "",
                     "score": plain_number(item.head_score) if item.kind in OVERRIDABLE else "",
                     "comment": item.head_comment}
        for part, name in names.items():
            values[name] = form.get(name, "") if form is not None and name in form else saved.get(part, "")
    return values


OVERRIDABLE = (CriterionKind.METRIC, CriterionKind.IMPORTED)
