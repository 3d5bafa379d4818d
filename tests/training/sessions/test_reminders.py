"""The tick task "training.session_reminders": the people enrolled in tomorrow's sessions (company-local) are
reminded once; waiting people, cancelled sessions and later sessions are not; running it again sends nothing."""
from datetime import timedelta

from hrapp.blueprints.training.sessions.notices import REMINDER
from hrapp.blueprints.training.sessions.reminders import remind_tomorrows_sessions
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import EnrolmentStatus, SessionStatus, TrainingSession

from .conftest import DAY, at, notices


def test_reminders_go_out_once_the_day_before(app, site, session_at, make_enrolment):
    tomorrow = session_at()  # DAY 09:00 local
    later = session_at(day=DAY + timedelta(days=1))
    cancelled = session_at(status=SessionStatus.CANCELLED)
    for session in (tomorrow, later, cancelled):
        make_enrolment(session, site.desk_staff)
    make_enrolment(tomorrow, site.hk_staff, status=EnrolmentStatus.WAITING)
    db.session.commit()
    the_day_before = at(DAY - timedelta(days=1), 8)
    assert remind_tomorrows_sessions(at(DAY - timedelta(days=2), 23)) == 0  # two days before: nothing yet
    assert remind_tomorrows_sessions(the_day_before) == 1
    db.session.commit()
    assert len(notices(site.staff, REMINDER)) == 1 and not notices(site.other_staff, REMINDER)
    assert db.session.get(TrainingSession, tomorrow.id).reminded_at == the_day_before
    assert db.session.get(TrainingSession, later.id).reminded_at is None
    assert remind_tomorrows_sessions(the_day_before + timedelta(hours=3)) == 0  # idempotent
    assert len(notices(site.staff, REMINDER)) == 1


def test_the_company_day_decides_not_utc(app, site, session_at, make_enrolment):
    session = session_at(hours=(0, 2))  # 00:00 local on DAY is 16:00 UTC on the day before
    make_enrolment(session, site.desk_staff)
    db.session.commit()
    assert session.starts_at.date() == DAY - timedelta(days=1)
    # 23:00 local two days before (UTC: the day before the session's UTC date): not yet
    assert remind_tomorrows_sessions(at(DAY - timedelta(days=2), 23)) == 0
    # 00:30 local the day before: reminded
    assert remind_tomorrows_sessions(at(DAY - timedelta(days=1), 0, 30)) == 1
    assert db.session.get(TrainingSession, session.id).reminded_at is not None


def test_the_tick_command_runs_it(app, runner, site, session_at, make_enrolment):
    session = session_at(day=company_today() + timedelta(days=1))
    make_enrolment(session, site.desk_staff)
    db.session.commit()
    for _ in range(2):
        result = runner.invoke(args=["tick", "--task", "training.session_reminders"])
        assert result.exit_code == 0, result.output
    assert "training.session_reminders" in result.output
    assert len(notices(site.staff, REMINDER)) == 1
