"""Stage moves after opening: head scoring skips the self-assessments not given, calibration keeps the unscored
with their heads, publishing (refused while some wait unless "anyway") tells each person in Chinese with a link
to their appraisal and sends the signal, closing is refused while appeals wait or people can still respond and
acknowledges the others by silence. Through the pages (HR) where a page takes the step."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.appraisals import signals
from hrapp.blueprints.appraisals.cycles.notices import PUBLISHED
from hrapp.blueprints.appraisals.cycles.stages import close, publish
from hrapp.blueprints.appraisals.signoff.notices import SILENCE
from hrapp.blueprints.appraisals.signoff.notices import person_accounts as accounts_of
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, AuditEntry, CycleStage, Notification
from tests.access_matrix import login
from tests.appraisals.fixtures import write_appraisal, write_cycle

from .conftest import login_en, notices, reload


def post(client, cycle, step: str, **data):
    return client.post(f"/appraisals/cycles/{cycle.id}/{step}", data={"version_id": cycle.version_id, **data})


def statuses(cycle) -> dict:
    return dict(db.session.execute(sa.select(Appraisal.staff_id, Appraisal.status)
                                   .where(Appraisal.cycle_id == cycle.id)).all())


def test_the_cycle_goes_through_its_stages_on_the_page(app, scene):
    hr = login_en(app, "hr")
    assert post(hr, scene.cycle, "open").status_code == 302
    cycle = reload(scene.cycle)
    assert cycle.stage == CycleStage.SELF_ASSESSMENT and len(statuses(cycle)) == 3
    page = hr.get(f"/appraisals/cycles/{cycle.id}").get_data(as_text=True)
    assert 'id="move-to_head_scoring"' in page and 'data-status="self_review">3<' in page
    response = post(hr, cycle, "head-scoring")
    assert response.status_code == 302
    cycle = reload(cycle)
    assert cycle.stage == CycleStage.HEAD_SCORING
    assert set(statuses(cycle).values()) == {AppraisalStatus.HEAD_REVIEW}
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "appraisal_cycle.to_head_scoring")).one()
    assert entry.after["self_skipped"] == 3
    page = hr.get(f"/appraisals/cycles/{cycle.id}").get_data(as_text=True)
    assert "3 appraisals are not scored yet" in page  # the calibration button asks first
    assert post(hr, cycle, "calibration").status_code == 302
    cycle = reload(cycle)
    assert cycle.stage == CycleStage.CALIBRATION
    assert set(statuses(cycle).values()) == {AppraisalStatus.HEAD_REVIEW}  # unscored ones stay


def test_a_stale_or_forbidden_move_changes_nothing(app, scene):
    hr = login_en(app, "hr")
    response = hr.post(f"/appraisals/cycles/{scene.cycle.id}/open", data={"version_id": scene.cycle.version_id - 1})
    assert response.status_code == 409 and "Someone else changed this record" in response.get_data(as_text=True)
    assert login(app, "head").post(f"/appraisals/cycles/{scene.cycle.id}/open",
                                   data={"version_id": scene.cycle.version_id}).status_code == 403
    assert reload(scene.cycle).stage == CycleStage.SETUP and not statuses(scene.cycle)
    response = post(hr, scene.cycle, "publish")  # not from SETUP
    assert response.status_code == 200 and "no longer open for that step" in response.get_data(as_text=True)


def calibrating(scene):
    cycle = write_cycle("2026-CAL", stage=CycleStage.CALIBRATION)
    scored = write_appraisal(cycle, scene.desk_staff, scene.template, status=AppraisalStatus.SCORED)
    write_appraisal(cycle, scene.hk_staff, scene.template, status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    return cycle, scored


def test_publish_refused_while_some_wait_unless_anyway(app, scene):
    cycle, scored = calibrating(scene)
    received = []

    def receiver(sender, appraisal_ids, actor):
        received.append((appraisal_ids, actor.username))

    signals.appraisals_published.connect(receiver)
    try:
        hr = login_en(app, "hr")
        response = post(hr, cycle, "publish")
        assert response.status_code == 200
        assert "1 appraisals are still waiting for the head&#39;s scoring" in response.get_data(as_text=True)
        assert reload(cycle).stage == CycleStage.CALIBRATION and not received
        assert post(hr, reload(cycle), "publish", anyway="y").status_code == 302
    finally:
        signals.appraisals_published.disconnect(receiver)
    cycle = reload(cycle)
    assert cycle.stage == CycleStage.PUBLISHED and cycle.published_at is not None
    published = db.session.get(Appraisal, scored.id)
    assert published.status == AppraisalStatus.PUBLISHED
    assert published.respond_by == company_today() + timedelta(days=cycle.respond_days)
    assert statuses(cycle)[scene.hk_staff.id] == AppraisalStatus.HEAD_REVIEW
    assert received == [([scored.id], "hr")]
    texts = notices(scene.staff, PUBLISHED)
    assert len(texts) == 1 and "考核结果" in texts[0] and "2026-CAL" in texts[0]
    assert not notices(scene.other_staff, PUBLISHED)
    link = db.session.scalar(sa.text("select link from notifications where kind = :k"), {"k": PUBLISHED})
    assert link == f"/appraisals/{scored.id}"


def test_close_waits_for_appeals_and_the_window(app, scene):
    cycle, scored = calibrating(scene)
    publish(scene.hr, cycle, cycle.version_id, anyway=True)
    db.session.commit()
    hr = login_en(app, "hr")
    response = post(hr, reload(cycle), "close")
    assert response.status_code == 200 and "can still acknowledge or appeal" in response.get_data(as_text=True)
    appraisal = db.session.get(Appraisal, scored.id)
    appraisal.status = AppraisalStatus.APPEALED
    db.session.commit()
    response = post(hr, reload(cycle), "close")
    assert "1 appeals are not decided yet" in response.get_data(as_text=True)
    appraisal = db.session.get(Appraisal, scored.id)
    appraisal.status, appraisal.respond_by = AppraisalStatus.PUBLISHED, company_today() - timedelta(days=1)
    db.session.commit()
    assert post(hr, reload(cycle), "close").status_code == 302
    cycle = reload(cycle)
    assert cycle.stage == CycleStage.CLOSED and cycle.closed_at is not None
    appraisal = db.session.get(Appraisal, scored.id)
    assert appraisal.status == AppraisalStatus.ACKNOWLEDGED and appraisal.acknowledged_by_silence
    told = db.session.scalars(sa.select(Notification.text).where(Notification.kind == SILENCE)).all()
    assert told and len(told) == len(accounts_of(appraisal)) and all("视为确认" in text for text in told)


def test_close_service_refuses_inside_the_window(scene):
    cycle, _scored = calibrating(scene)
    publish(scene.hr, cycle, cycle.version_id, anyway=True)
    try:
        close(scene.hr, cycle, cycle.version_id)
    except Exception as exc:  # noqa: BLE001
        assert exc.field == "stage"
    else:
        raise AssertionError("closing inside the window was allowed")
    assert cycle.stage == CycleStage.PUBLISHED


def test_head_scoring_drops_self_assessment_drafts_never_submitted(app, scene):
    hr = login_en(app, "hr")
    assert post(hr, scene.cycle, "open").status_code == 302
    cycle = reload(scene.cycle)
    draft = db.session.scalars(sa.select(Appraisal).where(Appraisal.cycle_id == cycle.id)
                               .order_by(Appraisal.id)).first()
    rated = next(item for item in draft.items if item.self_scored)
    rated.self_level, rated.self_score, draft.self_total = 4, 80, 80
    db.session.commit()
    assert post(hr, cycle, "head-scoring").status_code == 302
    draft = db.session.get(Appraisal, draft.id)
    assert draft.self_total is None and all(item.self_score is None for item in draft.items)
