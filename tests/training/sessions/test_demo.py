"""seed-demo's sessions: past sessions over the year (full or nearly, with people of their department), upcoming
ones with a waiting list and an open company-wide one, a past session for the demo staff account; running the
part's step again adds nothing."""
import sqlalchemy as sa

from hrapp.blueprints.training.sessions import demo
from hrapp.demo.seed import SeedReport
from hrapp.extensions import db
from hrapp.models import Enrolment, EnrolmentStatus, StaffMember, TrainingSession, User, utcnow

ARGS = ["seed-demo", "--staff", "60", "--seed", "4", "--password", "Demo-Password-2026"]


def test_demo_sessions(runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    assert "Training:" in result.output
    now = utcnow()
    past = db.session.scalars(sa.select(TrainingSession).where(TrainingSession.ends_at < now)).all()
    upcoming = db.session.scalars(sa.select(TrainingSession).where(TrainingSession.starts_at > now)).all()
    assert len(past) >= 6 and len(upcoming) >= 2
    for session in past:
        enrolled = [e for e in session.enrolments if e.status == EnrolmentStatus.ENROLLED]
        # the results demo adds a few people retaking a failed course, from other departments
        own = [e for e in enrolled if db.session.get(StaffMember, e.staff_id).department_id == session.department_id]
        assert len(own) >= session.capacity - 1
    assert any(e.status == EnrolmentStatus.WAITING for s in upcoming for e in s.enrolments)
    assert any(s.department_id is None and s.course.open_enrolment for s in upcoming)
    staff = db.session.scalar(sa.select(User).where(User.username == "staff"))
    assert db.session.scalar(sa.select(Enrolment.id).join(Enrolment.session).where(
        Enrolment.staff_id == staff.staff_id, TrainingSession.ends_at < now)) is not None
    before = db.session.scalar(sa.select(sa.func.count()).select_from(TrainingSession))
    users = {u.username: u for u in db.session.scalars(sa.select(User))}
    demo.seed_demo(SeedReport(seed=4, users=users))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TrainingSession)) == before
