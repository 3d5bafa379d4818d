"""The tick task `appraisals.silence_acknowledges`: a published result whose last day to respond is over counts
as acknowledged by silence (the person told), once; never on or before that day, never an appealed one."""
from datetime import datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.appraisals.signoff.services import acknowledge_by_silence
from hrapp.company import company_today, utc_of_local
from hrapp.core.module import modules
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, AuditEntry, Notification

from .conftest import publish


def _local_noon(day) -> datetime:
    return utc_of_local(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))


def test_registered_as_a_tick_task(app):
    names = [t.name for m in modules(app) for t in m.tick_tasks]
    assert "appraisals.silence_acknowledges" in names


def test_silence_acknowledges_after_respond_by_once(scene):
    last_day = scene.appraisal.respond_by
    assert acknowledge_by_silence(_local_noon(last_day)) == 0  # the last day itself is still open
    assert scene.appraisal.status == AppraisalStatus.PUBLISHED
    after = _local_noon(last_day + timedelta(days=1))
    assert acknowledge_by_silence(after) == 1
    db.session.commit()
    appraisal = db.session.get(Appraisal, scene.appraisal.id)
    assert appraisal.status == AppraisalStatus.ACKNOWLEDGED and appraisal.acknowledged_by_silence
    assert appraisal.acknowledged_at == after
    assert acknowledge_by_silence(after) == 0  # idempotent
    (told,) = db.session.scalars(sa.select(Notification).where(
        Notification.kind == "appraisal.acknowledged_by_silence"))
    assert told.user_id == scene.staff.id and "视为确认" in told.text
    (entry,) = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "appraisal.acknowledge_by_silence"))
    assert entry.actor_id is None and entry.target_id == appraisal.id


def test_appealed_and_unpublished_results_are_left_alone(scene, make_appraisal, make_staff):
    past = company_today() - timedelta(days=1)
    publish(scene.appraisal, respond_by=past)
    scene.appraisal.status = AppraisalStatus.APPEALED
    waiting = make_appraisal(scene.cycle, make_staff(scene.front_desk, name_zh="钱前台"), scene.template,
                             status=AppraisalStatus.SCORED, respond_by=past)
    db.session.commit()
    assert acknowledge_by_silence(_local_noon(company_today())) == 0
    assert db.session.get(Appraisal, waiting.id).status == AppraisalStatus.SCORED
    assert db.session.get(Appraisal, scene.appraisal.id).status == AppraisalStatus.APPEALED


def test_the_tick_command_runs_it(scene, runner):
    publish(scene.appraisal, respond_by=company_today() - timedelta(days=2))
    db.session.commit()
    result = runner.invoke(args=["tick"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(Appraisal, scene.appraisal.id).status == AppraisalStatus.ACKNOWLEDGED
