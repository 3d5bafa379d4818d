"""Outward notifications on the 5,000-staff demo company: what the outbox adds to a notifying transaction, and
the administrator's deliveries page.

- outward_notify: `notify` of the largest department (every one with an e-mail address; the kind routed to
  e-mail and to the group robots; an active robot on every top department), rolled back each round. The
  outbox must cost a fixed number of statements whatever the number of recipients (outward_notify_queries).
- outward_deliveries: the deliveries page over HTTP as the administrator, with 5,000 deliveries in the outbox.
"""
import statistics
import time
from collections.abc import Iterator

import sqlalchemy as sa

from bench.env import BenchContext
from bench.http import page_figures, time_page
from bench.staff_list import StatementCounter
from hrapp.extensions import db
from hrapp.models import (
    DeliveryStatus,
    Department,
    GroupRobot,
    NotificationRoute,
    OutwardChannel,
    OutwardDelivery,
    RobotPlatform,
    Role,
    StaffMember,
    User,
)
from hrapp.notifications import GENERAL, notify

STAFF, ROUNDS, DELIVERIES = 5000, 20, 5000
NOTIFY_TARGET_MS, NOTIFY_MAX_QUERIES = 500.0, 8
PAGE_TARGET_MS, PAGE_MAX_QUERIES = 50.0, 6


def _prepare(app) -> list[int]:
    """Routes, robots, addresses, accounts for the largest department's staff and the outbox; its user ids."""
    with app.app_context():
        if not db.session.scalar(sa.select(sa.func.count(NotificationRoute.id))):
            db.session.add_all(NotificationRoute(kind=GENERAL, channel=c) for c in OutwardChannel)
            for dept in db.session.scalars(sa.select(Department).where(Department.parent_id.is_(None))):
                db.session.add(GroupRobot(department_id=dept.id, platform=RobotPlatform.WECOM, name="bench",
                                          webhook_url="http://127.0.0.1:9/bench"))
            db.session.execute(sa.update(StaffMember).values(email=sa.func.lower(StaffMember.staff_number)
                                                             + "@hotel.example"))
            largest = db.session.execute(sa.select(StaffMember.department_id).group_by(StaffMember.department_id)
                                         .order_by(sa.func.count().desc()).limit(1)).scalar_one()
            staff = db.session.scalars(sa.select(StaffMember).outerjoin(User, User.staff_id == StaffMember.id)
                                       .where(StaffMember.department_id == largest, User.id.is_(None))).all()
            db.session.add_all(User(username=f"bench-out-{s.id}", password_hash="!", role=Role.STAFF, staff_id=s.id) for s in staff)
            db.session.add_all(OutwardDelivery(kind=GENERAL, channel=OutwardChannel.EMAIL, recipient=f"{n}@x.example",
                                               body="x", status=DeliveryStatus.FAILED if n % 50 == 0
                                               else DeliveryStatus.SENT, attempts=1) for n in range(DELIVERIES))
            db.session.commit()
        largest = db.session.execute(sa.select(StaffMember.department_id).group_by(StaffMember.department_id)
                                     .order_by(sa.func.count().desc()).limit(1)).scalar_one()
        return list(db.session.scalars(sa.select(User.id).join(User.staff)
                                       .where(StaffMember.department_id == largest)))


def bench_outward_notify(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.seeded_app(STAFF)
    user_ids = _prepare(app)
    timings, outbox = [], []
    with app.test_request_context():
        counter = StatementCounter(db.engine)
        try:
            for round_ in range(ROUNDS + 1):
                users = db.session.scalars(sa.select(User).where(User.id.in_(user_ids))).all()
                counter.take()
                started = time.perf_counter()
                notify(users, lambda: "排班已发布", link="/roster/", kind=GENERAL)
                db.session.flush()
                elapsed = (time.perf_counter() - started) * 1000
                statements = [s for s in counter.take() if "notifications (" not in s.split("VALUES")[0]
                              and "INSERT INTO notification_deliveries" not in s]
                db.session.rollback()
                if round_:
                    timings.append(elapsed)
                    outbox = statements
        finally:
            counter.close()
    yield "outward_notify_recipients", len(user_ids), "count"
    yield from page_figures("outward_notify", statistics.median(timings), outbox, NOTIFY_TARGET_MS,
                            NOTIFY_MAX_QUERIES)


def bench_outward_deliveries(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.seeded_app(STAFF)
    _prepare(app)
    median, worst = time_page(app, "admin", "/notifications/outward/deliveries?status=failed", ROUNDS,
                              lambda r: r.status_code == 200 and b"data-delivery=" in r.data)
    yield from page_figures("outward_deliveries", median, worst, PAGE_TARGET_MS, PAGE_MAX_QUERIES)


BENCHES = [bench_outward_notify, bench_outward_deliveries]
