"""seed-demo's results: on past sessions with enrolments, most present (some absent, one excused), scores with a
few fails retaken in a later session, certificates (a few expiring within 30 days, one expired), feedback from
most attendees; idempotent; nothing without past sessions."""
import random
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.results.demo import seed_demo
from hrapp.company import company_today
from hrapp.demo.seed import SeedReport
from hrapp.extensions import db
from hrapp.models import Attempt, Certificate, Enrolment, Feedback, Presence, utcnow
from tests.conftest import count
from tests.training.fixtures import write_course, write_enrolment, write_session


def report(org, seed=7):
    return SeedReport(seed=seed, today=company_today(), rng=random.Random(seed), users={"hr": org.hr})


def test_nothing_without_past_sessions(org):
    r = report(org)
    seed_demo(r)
    assert count(Enrolment) == 0 and count(Attempt) == 0 and r.summary == []


def test_demo_results_on_past_sessions(org, make_staff):
    people = [make_staff(org.front_desk, name_zh=f"演示{n}") for n in range(24)]
    fire = write_course(code="C-FIRE", title="消防安全", certificate_months=12, retakes=2)
    hello = write_course(code="C-HELLO", title="问候礼仪", pass_score=None)
    now = utcnow()
    sessions = [write_session(fire, starts_at=now - timedelta(days=days)) for days in (200, 120, 60)]
    sessions.append(write_session(hello, starts_at=now - timedelta(days=30)))
    for session in sessions:
        for person in people:
            write_enrolment(session, person)
    db.session.commit()
    seed_demo(report(org))
    db.session.commit()
    presences = list(db.session.scalars(sa.select(Enrolment.presence)))
    assert Presence.UNMARKED not in presences and Presence.EXCUSED in presences and Presence.ABSENT in presences
    assert presences.count(Presence.PRESENT) > len(presences) * 0.7
    attempts = db.session.scalars(sa.select(Attempt)).all()
    assert any(not a.passed for a in attempts) and any(a.number == 2 for a in attempts)
    today = company_today()
    valid = db.session.scalars(sa.select(Certificate).where(Certificate.superseded.is_(False))).all()
    assert any(c.expires_on < today for c in valid)
    assert sum(1 for c in valid if today <= c.expires_on <= today + timedelta(days=30)) >= 2
    assert all(a.passed for a in attempts if a.certificate) and all(a.certificate for a in attempts if a.passed)
    ratings = list(db.session.scalars(sa.select(Feedback.rating)))
    assert len(ratings) > presences.count(Presence.PRESENT) * 0.6 and sum(ratings) / len(ratings) >= 3.5
    before = (count(Attempt), count(Certificate), count(Feedback), count(Enrolment))
    seed_demo(report(org, seed=8))  # again: nothing new
    db.session.commit()
    assert (count(Attempt), count(Certificate), count(Feedback), count(Enrolment)) == before
