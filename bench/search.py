"""The people search's suggestions (`/search/people?q=`, what the navbar box asks as one types) over HTTP on the
5,000-staff demo company: HR (everyone in scope) and a head, for typical queries: a surname, a full name, full
pinyin, initials, two letters, a staff number's prefix and a phone's digits.

Targets: search_ms (the median of the queries' medians) < 30; search_queries (the statements of the worst
request) a handful.
"""
import statistics
from collections.abc import Iterator
from urllib.parse import quote

import sqlalchemy as sa

from bench.env import BenchContext
from bench.http import page_figures, time_page
from bench.staff_list import STAFF
from hrapp.extensions import db
from hrapp.models import StaffMember, User
from hrapp.permissions import department_scope

ROUNDS = 10
TARGET_MS, MAX_QUERIES = 30.0, 4


def typical_queries(app) -> list[str]:
    """What people type, taken from one person of the head's departments (so that every query finds someone,
    for HR and the head alike)."""
    with app.app_context():
        head = db.session.scalar(sa.select(User).where(User.username == "head"))
        person = db.session.scalars(sa.select(StaffMember).where(StaffMember.department_id.in_(department_scope(head)))
                                    .order_by(StaffMember.id)).first()
        return [person.name_zh[0], person.name_zh, person.name_pinyin.split()[0], person.name_initials.split()[0],
                person.name_pinyin[:2], person.staff_number[:5], person.phone[-6:]]


def bench_search(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.seeded_app(STAFF)
    medians, worst = [], []
    for username in ("hr", "head"):
        for query in typical_queries(app):
            median, statements = time_page(app, username, f"/search/people?q={quote(query)}", ROUNDS,
                                           lambda r: r.status_code == 200 and r.get_json()["results"])
            medians.append(median)
            worst = max(worst, statements, key=len)
    yield from page_figures("search", statistics.median(medians), worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_search]
