"""The tick task "training.session_reminders": the day before a scheduled session (company-local), the people
enrolled are reminded once. Idempotent: a session is claimed by setting `reminded_at` with a conditional update,
so a second tick (or one racing this one) sends nothing again."""
from datetime import datetime, timedelta

import sqlalchemy as sa

from hrapp.company import company_today, utc_bounds
from hrapp.extensions import db
from hrapp.models import Enrolment, EnrolmentStatus, SessionStatus, TrainingSession

from . import notices


def _tomorrow_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Tomorrow's local day as a UTC interval [first, last)."""
    return utc_bounds(company_today(now) + timedelta(days=1))


def remind_tomorrows_sessions(now: datetime) -> int:
    """Remind the people enrolled in tomorrow's (local) sessions not reminded yet; returns how many sessions
    were reminded. Never commits."""
    first, last = _tomorrow_bounds(now)
    due = db.session.scalars(sa.select(TrainingSession).where(
        TrainingSession.status == SessionStatus.SCHEDULED, TrainingSession.reminded_at.is_(None),
        TrainingSession.starts_at >= first, TrainingSession.starts_at < last).order_by(TrainingSession.id)).all()
    done = 0
    for session in due:
        claimed = db.session.execute(
            sa.update(TrainingSession).where(TrainingSession.id == session.id, TrainingSession.reminded_at.is_(None))
            .values(reminded_at=now, version_id=TrainingSession.version_id + 1)
            .execution_options(synchronize_session=False)).rowcount
        if not claimed:  # another tick took it
            continue
        people = db.session.scalars(sa.select(Enrolment.staff_id).where(
            Enrolment.session_id == session.id, Enrolment.status == EnrolmentStatus.ENROLLED)).all()
        notices.remind(people, session)
        done += 1
    db.session.expire_all()
    return done
