"""The month grid's row paging for the shared `pager` macro (as the roster grid's GridPager)."""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MonthPager:
    """`page`/`pages`/`total` of a month grid and how to link a page (`url(page=n)` keeps the filters)."""

    page: int
    pages: int
    total: int
    url: Callable[..., str]

    has_prev = property(lambda self: self.page > 1)
    has_next = property(lambda self: self.page < self.pages)
    prev_num = property(lambda self: self.page - 1)
    next_num = property(lambda self: self.page + 1)

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
