"""Silence acknowledges: once the deadline (company-local) has passed, `tick` acknowledges on the person's behalf,
audited with no actor, and tells them; the deadline day itself is left alone; running twice (or racing another
tick) changes each violation once; a closed month is left for HR."""
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.conduct.review.services import responses
from hrapp.blueprints.conduct.review.services.notify import REMINDER, SILENCE
from hrapp.extensions import db
from hrapp.models import AuditEntry, ViolationState, utcnow

from .conftest import close_month, login_as, notices, reload, steps_of


def test_silence_is_acknowledged_after_the_deadline_only(app, scene, yesterday):
    overdue = scene.violation(respond_by=yesterday)
    on_time = scene.violation(respond_by=scene.today)
    assert responses.acknowledge_overdue(utcnow()) == 1
    db.session.commit()
    overdue, on_time = reload(overdue), reload(on_time)
    assert overdue.state == ViolationState.ACKNOWLEDGED and overdue.acknowledged_by_silence
    assert on_time.state == ViolationState.SUBMITTED
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "violation.acknowledge_by_silence"))
    assert entry.actor_id is None and entry.target_id == overdue.id
    assert any(overdue.number in text for text in notices(scene.org.staff, SILENCE))
    assert responses.acknowledge_overdue(utcnow()) == 0  # idempotent
    assert steps_of(overdue) == ["violation.acknowledge_by_silence"]


def test_the_company_day_decides_not_utc(app, scene):
    v = scene.violation(respond_by=date(2026, 5, 20))
    # 2026-05-20 15:59 UTC is 23:59 in Shanghai: still the deadline day
    assert responses.acknowledge_overdue(datetime(2026, 5, 20, 15, 59)) == 0
    # 16:00 UTC is 00:00 on the 21st in Shanghai: the deadline has passed
    assert responses.acknowledge_overdue(datetime(2026, 5, 20, 16, 0)) == 1
    assert reload(v).state == ViolationState.ACKNOWLEDGED


def test_a_tick_racing_another_changes_it_once(app, scene, yesterday, monkeypatch):
    v = scene.violation(respond_by=yesterday)
    real = responses.closed_for

    def other_tick_wins(*args):
        # another tick acknowledges the same violation between our query and our update
        db.session.execute(sa.text("UPDATE violations SET state = 'acknowledged', version_id = version_id + 1 "
                                   "WHERE id = :id"), {"id": v.id})
        return real(*args)

    monkeypatch.setattr(responses, "closed_for", other_tick_wins)
    assert responses.acknowledge_overdue(utcnow()) == 0
    assert steps_of(v) == [] and notices(scene.org.staff, SILENCE) == []
    assert reload(v).state == ViolationState.ACKNOWLEDGED


def test_a_closed_month_is_left_alone(app, scene, yesterday):
    v = scene.violation(respond_by=yesterday)
    close_month(scene.org.front_desk, date(2026, 5, 1), date(2026, 5, 31), by=scene.org.hr)
    assert responses.acknowledge_overdue(utcnow()) == 0
    assert reload(v).state == ViolationState.SUBMITTED


def test_flask_tick_runs_the_task(app, scene, yesterday):
    v = scene.violation(respond_by=yesterday)
    result = app.test_cli_runner().invoke(args=["tick", "--task", "conduct.acknowledge_by_silence"])
    assert result.exit_code == 0, result.output
    assert "conduct.acknowledge_by_silence: 1" in result.output
    assert reload(v).state == ViolationState.ACKNOWLEDGED and reload(v).acknowledged_by_silence
    again = app.test_cli_runner().invoke(args=["tick", "--task", "conduct.acknowledge_by_silence"])
    assert "conduct.acknowledge_by_silence: 0" in again.output


def test_the_person_cannot_respond_after_tick_acknowledged(app, scene, yesterday):
    v = scene.violation(respond_by=yesterday - timedelta(days=1))
    responses.acknowledge_overdue(utcnow())
    db.session.commit()
    response = login_as(app, "staff").post(f"/conduct/review/violations/{v.id}/appeal",
                                            data={"version_id": reload(v).version_id, "grounds": "迟到的申诉"})
    assert response.status_code == 422 and reload(v).state == ViolationState.ACKNOWLEDGED


def test_the_person_is_reminded_once_the_day_before_the_deadline(app, scene):
    tomorrow = scene.violation(respond_by=scene.today + timedelta(days=1))
    scene.violation(respond_by=scene.today + timedelta(days=2))  # too early
    scene.violation(respond_by=scene.today)  # the last day is today: no longer "tomorrow"
    assert responses.remind_before_deadline(utcnow()) == 1
    assert responses.remind_before_deadline(utcnow()) == 0
    texts = notices(scene.org.staff, REMINDER)
    assert len(texts) == 1 and tomorrow.number in texts[0] and "最后一天" in texts[0]
