"""The roster grid shaped for the page and for the JSON editing endpoint: the payload the script repaints
from, the parsed cell edits it sends, and the error bodies (stale cells, bad input, hard breaches)."""
import json
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from markupsafe import Markup, escape

from hrapp.blueprints.roster.colours import css_class
from hrapp.blueprints.roster.services import (
    CellEdit,
    GridRow,
    RosterBreachError,
    RosterGrid,
    StaleRosterError,
    breach_message,
)
from hrapp.blueprints.roster.services.grid import RowPaging, RowQuery
from hrapp.period_close import PeriodClosed

MAX_EDITS = 5000


def cell_key(staff_id: int, day: date) -> str:
    """The key of a cell in payloads, as the services key cell errors: "<staff_id>/<YYYY-MM-DD>"."""
    return f"{staff_id}/{day.isoformat()}"


@dataclass(frozen=True)
class GridPage:
    """What the grid template shows: the rows visible to the viewer, CSS classes, breach flags and tooltips."""

    grid: RosterGrid
    rows: tuple[GridRow, ...]
    classes: dict[str, str]
    cell_notes: dict[tuple[int, date], tuple[str, str]]
    column_notes: dict[tuple[date, str], str]
    work_codes: tuple[str, ...]
    hard: int
    soft: int

    def cells_html(self, row: GridRow) -> Markup:
        """The `<td>` of each day of `row`: CSS classes, the code and the breach tooltip, nothing else.

        Built here rather than in the template: a page of 50 people is ~1,550 cells, and Jinja's per-cell
        lookups and escaping were most of the page's time. The cells carry no attributes of their own (an
        empty one is `<td class="cell"></td>`): roster.js gives them their staff id (the row's), day (the
        column's), version (the row's `data-versions`) and code (the text). Codes and tooltips are escaped;
        the rest are ISO dates and CSS class names made by this module.
        """
        staff_id, wishes, out = row.staff_id, self.grid.wishes, []
        for day, _iso, extra in self.day_columns:
            cell, note = row.cells.get(day), self.cell_notes.get((staff_id, day))
            css, code, tip = "cell", "", ""
            if cell:
                code = self.escaped_codes.get(cell.code) or escape(cell.code)
                css += f" {self.classes.get(cell.code, 'shift-c-none')}{' fixed' if cell.is_fixed else ''}"
            if (staff_id, day) in wishes:
                css, tip = css + " wish", f' title="{self.wish_text}"'
            if note:
                css, tip = css + f" {note[0]}", f' title="{escape(note[1])}"'
            out.append(f'<td class="{css}{extra}"{tip}>{code}</td>')
        return Markup("".join(out))

    def versions(self, row: GridRow) -> str:
        """The version of each day's cell of `row` (0: empty), comma-separated, for the row's `data-versions`."""
        cells = row.cells
        return ",".join(str(cells[d].version) if d in cells else "0" for d, _iso, _extra in self.day_columns)

    def column_totals_html(self, code: str) -> Markup:
        """The `<td>` of each day in the "staffed / needed" footer row of the work shift `code`."""
        out, key = [], escape(code)
        for day, iso, _extra in self.day_columns:
            total, note = self.grid.columns.get((day, code)), self.column_notes.get((day, code))
            text, short = "", ""
            if total:
                text = f"{total.assigned}/{total.required}" if total.required else str(total.assigned)
                short = " short" if total.missing else ""
            tip = f' title="{escape(note)}"' if note else ""
            out.append(f'<td class="coltot{short}" data-col="{iso}/{key}"{tip}>{text}</td>')
        return Markup("".join(out))

    @cached_property
    def weekday_letters(self) -> dict[int, str]:
        """Weekday -> its narrow name (一 … 日, M … S) in the user's language: one Babel call per weekday."""
        return {d.day.weekday(): format_date(d.day, "EEEEE") for d in self.grid.days[:7]}

    @cached_property
    def wish_text(self) -> Markup:
        return escape(_("Requested day off"))

    @cached_property
    def escaped_codes(self) -> dict[str, Markup]:
        return {t.code: escape(t.code) for t in self.grid.shift_types}

    @cached_property
    def day_columns(self) -> list[tuple[date, str, str]]:
        return [(d.day, d.day.isoformat(), " col-weekend" if d.is_weekend or d.kind == "holiday" else "")
                for d in self.grid.days]

    @property
    def types_json(self) -> str:
        """code -> {class, name, active} for the script's palette and repainting."""
        return json.dumps({t.code: {"cls": self.classes[t.code], "name": t.name, "active": t.is_active}
                           for t in self.grid.shift_types}, ensure_ascii=False)


def _flags(breaches) -> tuple[str, str]:
    kind = "breach-hard" if any(b.is_hard for b in breaches) else "breach-soft"
    return kind, " · ".join(breach_message(b) for b in breaches)


def grid_page(grid: RosterGrid, only_staff_id: int | None = None) -> GridPage:
    """The page model; with `only_staff_id` the viewer sees their own row only (no totals of others)."""
    rows = grid.rows if only_staff_id is None else tuple(r for r in grid.rows if r.staff_id == only_staff_id)
    return GridPage(
        grid, rows, {t.code: css_class(t.colour) for t in grid.shift_types},
        {key: _flags(bs) for key, bs in grid.cell_breaches.items()},
        {key: _flags(bs)[1] for key, bs in grid.column_breaches.items()},
        tuple(t.code for t in grid.shift_types if t.kind == "work"),
        grid.hard_breach_count, len(grid.breaches) - grid.hard_breach_count)


def grid_payload(grid: RosterGrid) -> dict:
    """The whole grid state as JSON-ready data: cells with versions, breaches, row and column totals."""
    page = grid_page(grid)
    return {
        "id": grid.roster_id, "version": grid.version, "status": grid.status,
        "cells": {cell_key(r.staff_id, d): [c.code, c.version, c.is_fixed] for r in grid.rows for d, c in r.cells.items()},
        "breaches": {cell_key(*key): list(note) for key, note in page.cell_notes.items()},
        "rows": {str(r.staff_id): {"hours": r.totals.hours, "nights": r.totals.nights, "rest": r.totals.rest_days,
                                   "work": r.totals.work_days} for r in grid.rows},
        "columns": {f"{d.isoformat()}/{code}": [t.assigned, t.required, page.column_notes.get((d, code), "")]
                    for (d, code), t in grid.columns.items()},
        "hard": page.hard, "soft": page.soft,
    }


@dataclass(frozen=True)
class CellRequest:
    edits: tuple[CellEdit, ...]
    reason: str
    override_reason: str


def _text(payload: dict, name: str, limit: int) -> str:
    value = payload.get(name) or ""
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError(_("Bad %(field)s.", field=name))
    return value


def parse_cell_edits(payload) -> CellRequest:
    """`{"edits": [{"staff_id", "day", "code" (null clears), "version"}], "reason", "override_reason"}`.

    :raise ValueError: (with a message) anything malformed; every edit must carry the version its editor saw.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("edits"), list):
        raise ValueError(_("Send a JSON object with a list of edits."))
    if not 0 < len(payload["edits"]) <= MAX_EDITS:
        raise ValueError(_("Send between 1 and %(max)s edits.", max=MAX_EDITS))
    edits = []
    for item in payload["edits"]:
        try:
            staff_id, version, code = item["staff_id"], item["version"], item.get("code")
            day = date.fromisoformat(item["day"])
        except (TypeError, KeyError, ValueError, AttributeError):
            raise ValueError(_("Each edit needs staff_id, day, code and version.")) from None
        valid = (isinstance(staff_id, int) and isinstance(version, int) and version >= 0
                 and (code is None or (isinstance(code, str) and 0 < len(code) <= 8)))
        if not valid or isinstance(staff_id, bool) or isinstance(version, bool):
            raise ValueError(_("Each edit needs staff_id, day, code and version."))
        edits.append(CellEdit(staff_id, day, code, version))
    return CellRequest(tuple(edits), _text(payload, "reason", 255), _text(payload, "override_reason", 500))


def staff_labels(grid: RosterGrid) -> dict[int, str]:
    """staff id -> "number name" of the roster's rows (all of them, when the grid holds a page)."""
    return {r.staff_id: f"{r.staff_number} {r.name}" for r in grid_people(grid)}


def grid_people(grid: RosterGrid) -> tuple:
    """Every row of the roster (staff_id, staff_number, name): the page's and the others' when paged."""
    return grid.paging.people if grid.paging else grid.rows


def breach_lines(breaches, names: dict[int, str], limit: int = 50) -> list[str]:
    """"MM-DD <staff> <message>" for each breach (a column breach names the shift instead)."""
    return [f"{b.day:%m-%d} {names.get(b.staff_id, b.shift_code or '')} {breach_message(b)}" for b in breaches[:limit]]


def error_body(exc: Exception, grid: RosterGrid) -> tuple[int, dict]:
    """HTTP status and JSON body for a refused cell edit; the body carries the grid as it now stands."""
    if isinstance(exc, PeriodClosed):
        return 409, {"error": "period_closed", "message": str(exc)}
    if isinstance(exc, StaleRosterError):
        return 409, {"error": "stale", "cells": [cell_key(s, d) for s, d in exc.cells],
                     "message": _("Someone else changed these cells in the meantime. The grid now shows their "
                                  "version; check it and make your change again.")}
    if isinstance(exc, RosterBreachError):
        return 422, {"error": "breach", "breaches": breach_lines(exc.breaches, staff_labels(grid), 20),
                     "message": _("The change breaks hard rules; only HR may make it, with an override reason.")}
    errors = {key: [str(m) for m in messages] for key, messages in getattr(exc, "errors", {}).items()}
    flat = sorted({m for messages in errors.values() for m in messages})
    return 422, {"error": "invalid", "errors": errors, "message": " ".join(flat[:5]) or _("Invalid change.")}


MAX_FILTER = 50


def row_query(args, own_staff_id: int | None = None) -> RowQuery:
    """The rows the grid page asks for: `?q=` (staff number or name) and `?page=`; with `own_staff_id`, that
    person's row only (a viewer who may not edit)."""
    if own_staff_id is not None:
        return RowQuery(staff_id=own_staff_id)
    page = args.get("page", 1, type=int) or 1
    return RowQuery(text=(args.get("q") or "")[:MAX_FILTER], page=min(max(page, 1), 10_000))


def back_args(args) -> dict:
    """The grid page and filter a form was posted from (its URL's `?q=`/`?page=`), to go back to them."""
    rows = row_query(args)
    return {k: v for k, v in {"q": rows.text.strip(), "page": rows.page if rows.page > 1 else None}.items() if v}


@dataclass(frozen=True)
class GridPager:
    """A grid's row paging for the shared `pager` macro (_macros/tables.html); links keep the filter."""

    roster_id: int
    paging: RowPaging

    page = property(lambda self: self.paging.page)
    pages = property(lambda self: self.paging.pages)
    total = property(lambda self: self.paging.matching)
    has_prev = property(lambda self: self.page > 1)
    has_next = property(lambda self: self.page < self.pages)
    prev_num = property(lambda self: self.page - 1)
    next_num = property(lambda self: self.page + 1)

    def url(self, **updates) -> str:
        args = {"q": self.paging.text or None, "page": self.page} | updates
        return url_for("roster.show_roster", roster_id=self.roster_id, **{k: v for k, v in args.items() if v})

    def query_args(self) -> dict:
        """The page and filter, for the JSON cell endpoint's URL (its answers carry this page's rows)."""
        return {k: v for k, v in {"q": self.paging.text, "page": self.page}.items() if v}

    def back_args(self) -> dict:
        """The page and filter for the grid's forms, so that a step returns to them (nothing for page 1)."""
        return {k: v for k, v in {"q": self.paging.text, "page": self.page if self.page > 1 else None}.items() if v}

    def iter_pages(self, left_edge=1, right_edge=1, left_current=2, right_current=2):
        """Page numbers to link, None for a gap (as Flask-SQLAlchemy's Pagination.iter_pages)."""
        last = 0
        for num in range(1, self.pages + 1):
            if (num <= left_edge or num > self.pages - right_edge
                    or self.page - left_current <= num <= self.page + right_current):
                if last + 1 != num:
                    yield None
                yield num
                last = num
