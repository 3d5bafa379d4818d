"""The one helper for list pages: filters, a whitelisted sort, direction, page and a bounded page size.

A list declares a `Listing` once (its filters, its sort keys -> SQL expressions, its default sort and page
size); a view then calls `listing.page(select, request.args)` and hands the `ListPage` to the template, whose
`_macros/tables.html` macros draw the sortable headers and the pager from it. Nothing read from the query
string reaches SQL except through the whitelist: an unknown sort key falls back to the default, a page or
page size that is not a positive number to the first page and the default size, a page past the end to the
last page, so a hand-edited URL never gives a 500.
"""
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from flask import current_app, request, url_for

from hrapp.core.urls import DB_INT_MAX
from hrapp.extensions import db

MAX_TEXT = 64
MAX_PAGE = 100_000  # keeps OFFSET far from the database's integer limits


def text(value: str) -> str:
    """A free-text filter value: trimmed (the length is bounded by the Filter)."""
    return value.strip()


def like_escape(value: str) -> str:
    """`value` with LIKE's wildcards escaped (use with `escape="\\\\"`), so it matches only itself."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def positive_int(value: str) -> int:
    """A positive whole number the database's integer columns can hold (an id); ValueError otherwise."""
    number = int(value)
    if not 1 <= number <= DB_INT_MAX:
        raise ValueError(value)
    return number


def yes_no(value: str) -> bool:
    """A "yes" / "no" filter value (an active flag, say) as True / False; ValueError otherwise."""
    if value not in ("yes", "no"):
        raise ValueError(value)
    return value == "yes"


def iso_date(value: str) -> date:
    """A YYYY-MM-DD date; ValueError otherwise."""
    return datetime.strptime(value, "%Y-%m-%d").date()


@dataclass(frozen=True)
class Filter:
    """A query-string argument `name`, parsed by `parse` and applied by `apply`; a value `parse` refuses with a
    ValueError filters nothing and is listed in `ListState.invalid` (pages say so)."""

    name: str
    apply: Callable[[sa.Select, Any], sa.Select]
    parse: Callable[[str], Any] = text
    max_length: int = MAX_TEXT


@dataclass(frozen=True)
class ListState:
    """What the list was asked for, already checked: the template reads it to draw headers and inputs."""

    sort: str
    descending: bool
    page: int
    per_page: int
    filters: Mapping[str, Any] = field(default_factory=dict)
    sortable: frozenset = frozenset()
    invalid: tuple[str, ...] = ()  # the filters given a value their parser refused (the page says so)

    @property
    def sort_token(self) -> str:
        """The sort as written in a URL: "key" ascending, "-key" descending."""
        return f"-{self.sort}" if self.descending else self.sort

    def toggle(self, key: str) -> str:
        """The sort token a header link for `key` should carry: the current key flips direction."""
        return key if key != self.sort or self.descending else f"-{key}"

    def arrow(self, key: str) -> str:
        """▲ or ▼ beside the header of the current sort key, "" elsewhere."""
        return "" if key != self.sort else ("▼" if self.descending else "▲")


@dataclass(frozen=True)
class Listing:
    """One list's declaration.

    :param sorts: sort key (as it appears in `?sort=`) -> SQL expression; the only columns a user can sort by.
    :param default_sort: the sort when none (or an unknown one) is asked for, "-key" for descending.
    :param tiebreak: expressions appended to every ORDER BY so that paging is stable (e.g. the id).
    :param filters: the list's filters, applied in order.
    """

    sorts: Mapping[str, Any]
    default_sort: str
    tiebreak: Sequence[Any] = ()
    filters: Sequence[Filter] = ()
    per_page: int | None = None  # None: the app's PER_PAGE setting
    max_per_page: int = 200

    def read(self, args: Mapping[str, str], default_per_page: int = 25) -> ListState:
        """Parse sort, direction, page, page size and filters from a query string (pure)."""
        token = str(args.get("sort", ""))[:40]
        key, descending = token.lstrip("-"), token.startswith("-")
        if key not in self.sorts:
            key, descending = self.default_sort.lstrip("-"), self.default_sort.startswith("-")
        per_page = _int_or(args.get("per_page"), self.per_page or default_per_page)
        values, invalid = {}, []
        for f in self.filters:
            raw = str(args.get(f.name, "") or "").strip()[:f.max_length]
            try:
                value = f.parse(raw) if raw else None
            except (ValueError, TypeError, OverflowError):
                value = None
                invalid.append(f.name)
            if value not in (None, ""):
                values[f.name] = value
        return ListState(sort=key, descending=descending, page=min(_int_or(args.get("page"), 1), MAX_PAGE),
                         per_page=min(per_page, self.max_per_page), filters=values,
                         sortable=frozenset(self.sorts), invalid=tuple(invalid))

    def order(self, query: sa.Select, token: str) -> sa.Select:
        """`query` ordered by a sort token ("key" or "-key"), replacing any earlier order; unknown -> default."""
        state = self.read({"sort": token})
        return self._ordered(query, state)

    def _ordered(self, query: sa.Select, state: ListState) -> sa.Select:
        column = self.sorts[state.sort]
        return query.order_by(None).order_by(column.desc() if state.descending else column.asc(), *self.tiebreak)

    def apply(self, query: sa.Select, state: ListState) -> sa.Select:
        """`query` narrowed by the state's filters and ordered by its sort."""
        for f in self.filters:
            if f.name in state.filters:
                query = f.apply(query, state.filters[f.name])
        return self._ordered(query, state)

    def page(self, query: sa.Select, args: Mapping[str, str], endpoint: str | None = None) -> "ListPage":
        """Read `args`, filter, sort and paginate `query` (one count and one page query).

        :param endpoint: where the header and pager links point (default: the current request's endpoint;
            give the list's own GET endpoint when the page is also rendered by a form's POST).
        """
        state = self.read(args, current_app.config.get("PER_PAGE", 25))
        query = self.apply(query, state)
        pagination = db.paginate(query, page=state.page, per_page=state.per_page, max_per_page=self.max_per_page,
                                 error_out=False)
        if pagination.pages and state.page > pagination.pages:  # past the end: show the last page
            pagination = db.paginate(query, page=pagination.pages, per_page=state.per_page,
                                     max_per_page=self.max_per_page, error_out=False)
        return ListPage(pagination, state, endpoint)


@dataclass(frozen=True)
class ListPage:
    """A page of results (`items`, and Flask-SQLAlchemy's pager attributes) with the state that made it."""

    pagination: Any
    state: ListState
    endpoint: str | None = None

    @property
    def items(self) -> list:
        return self.pagination.items

    def url(self, **updates) -> str:
        """This list's URL with some query arguments replaced (a page, a sort), the others kept."""
        args = request.args.to_dict() | {key: value for key, value in updates.items() if value is not None}
        view_args = (request.view_args or {}) if self.endpoint is None else {}
        return url_for(self.endpoint or request.endpoint, **view_args, **args)

    def __getattr__(self, name: str):  # pages, total, has_prev, iter_pages(), ...: the pager's own
        if name.startswith("_"):  # copy/pickle probe dunders before the fields exist
            raise AttributeError(name)
        return getattr(self.pagination, name)


def _int_or(value, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return number if number > 0 else default
