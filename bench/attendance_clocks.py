"""A time clock's ATTLOG push of 1,000 lines through /iclock/cdata on the seeded 1,000-staff company: the median
time of a few pushes, each with new timestamps (so every line is stored, none skipped as a duplicate); the
first push warms caches up and is not counted."""
import statistics
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa

from bench.env import BenchContext
from hrapp.blueprints.attendance.clocks.services import create_device
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Punch, StaffMember

STAFF = 1000
LINES = 1000
ROUNDS = 5
SERIAL = "BENCH0001"


def _body(numbers: list[str], start: datetime) -> str:
    lines = [f"{numbers[i % len(numbers)]}\t{(start + timedelta(seconds=i)):%Y-%m-%d %H:%M:%S}\t0\t1\t0\t0"
             for i in range(LINES)]
    return "\n".join(lines) + "\n"


def bench_iclock_batch(ctx: BenchContext) -> Iterator[tuple[str, float, str]]:
    app = ctx.seeded_app(STAFF)
    with app.app_context():
        if db.session.scalar(sa.select(AttendanceDevice.id).where(AttendanceDevice.serial == SERIAL)) is None:
            create_device(None, SERIAL, "Bench entrance", "Asia/Shanghai", None)
            db.session.commit()
        numbers = list(db.session.scalars(sa.select(StaffMember.staff_number).where(StaffMember.left_on.is_(None))
                                          .order_by(StaffMember.id).limit(STAFF)))
        before = db.session.scalar(sa.select(sa.func.count()).select_from(Punch))
        db.session.remove()
    client = app.test_client()
    timings = []
    # Yesterday, local time, one second apart per line and a fresh hour per round: every line is new.
    base = (datetime.now() - timedelta(days=1)).replace(hour=6, minute=0, second=0, microsecond=0)
    for round_ in range(ROUNDS + 1):
        body = _body(numbers, base + timedelta(minutes=20 * round_))
        started = time.perf_counter()
        response = client.post(f"/iclock/cdata?SN={SERIAL}&table=ATTLOG&Stamp={round_ + 1}", data=body,
                               content_type="text/plain")
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200 or response.get_data(as_text=True).strip() != f"OK: {LINES}":
            raise RuntimeError(f"push refused: {response.status_code} {response.get_data(as_text=True)!r}")
        if round_:
            timings.append(elapsed)
    with app.app_context():
        stored = db.session.scalar(sa.select(sa.func.count()).select_from(Punch)) - before
        db.session.remove()
    if stored < LINES:
        raise RuntimeError(f"only {stored} punches stored")
    yield "attendance_iclock_batch_ms", statistics.median(timings), "ms"


BENCHES = [bench_iclock_batch]
