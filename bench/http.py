"""The benchmarks' HTTP loop: log in over HTTP, fetch one page a number of rounds (the first warms caches up and
is not counted) and report the median time and the statements of the worst request. Not a benchmark itself."""
import statistics
import sys
import time
from collections.abc import Callable

from flask import Flask

from bench.env import BENCH_PASSWORD
from bench.staff_list import StatementCounter
from hrapp.extensions import db


def logged_in(app: Flask, username: str):
    """A test client logged in as `username` through the login form."""
    client = app.test_client()
    if client.post("/auth/login", data={"identifier": username, "password": BENCH_PASSWORD}).status_code != 302:
        raise RuntimeError(f"login as {username} failed")
    return client


def time_page(app: Flask, username: str, url: str, rounds: int,
              check: Callable[[object], bool]) -> tuple[float, list[str]]:
    """(median milliseconds, the statements of the request that ran the most) of `rounds` GETs of `url` as
    `username`. :raise RuntimeError: a response `check` refuses."""
    client = logged_in(app, username)
    with app.app_context():
        counter = StatementCounter(db.engine)
    timings, worst = [], []
    try:
        for round_ in range(rounds + 1):
            counter.take()
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            statements = counter.take()
            if not check(response):
                raise RuntimeError(f"{url}: status {response.status_code} or not the expected page")
            if round_:
                timings.append(elapsed)
            worst = max(worst, statements, key=len)
    finally:
        counter.close()
    return statistics.median(timings), worst


def page_figures(name: str, median: float, worst: list[str], target_ms: float, max_queries: int):
    """Yield `<name>_ms` and `<name>_queries` as `python -m bench` prints them; above target, say so (with the
    statements) on stderr."""
    yield f"{name}_ms", round(median, 2), "ms"
    yield f"{name}_queries", len(worst), "count"
    if median >= target_ms or len(worst) > max_queries:
        print(f"{name}: {median:.1f} ms, {len(worst)} statements: above target (< {target_ms} ms, ≤ {max_queries})",
              file=sys.stderr)
        for statement in worst:
            print("   ", " ".join(statement.split())[:160], file=sys.stderr)
