"""Suggestions: publishing suggests what the company's rules say for each grade, once however often it is sent;
a changed result revises the suggestions and never touches a confirmed one."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.appraisals.signals import result_changed
from hrapp.extensions import db
from hrapp.models import AppraisalOutcome, Grade, OutcomeKind, OutcomeStatus

from .conftest import publish


def outcomes(appraisal) -> dict:
    rows = db.session.scalars(sa.select(AppraisalOutcome).where(AppraisalOutcome.appraisal_id == appraisal.id))
    return {row.kind: row for row in rows}


def test_publishing_suggests_by_grade(scene):
    publish(scene)
    desk, hk = outcomes(scene.desk), outcomes(scene.hk)
    assert set(desk) == {OutcomeKind.REWARD} and set(hk) == {OutcomeKind.TRAINING, OutcomeKind.IMPROVEMENT}
    assert all(o.status == OutcomeStatus.SUGGESTED for o in [*desk.values(), *hk.values()])
    assert desk[OutcomeKind.REWARD].reason == "考核结果为优秀"
    assert hk[OutcomeKind.TRAINING].reason == "考核结果为不合格"


def test_publishing_twice_suggests_once(scene):
    publish(scene)
    publish(scene)
    publish(scene, scene.desk)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AppraisalOutcome)) == 3


def test_a_good_result_gets_no_suggestion(scene):
    scene.desk.grade, scene.desk.total = Grade.GOOD, Decimal("85")
    publish(scene, scene.desk)
    assert outcomes(scene.desk) == {}


def test_a_changed_result_revises_the_suggestions(scene):
    publish(scene)
    scene.hk.grade, scene.hk.total = Grade.GOOD, Decimal("82")
    result_changed.send(None, appraisal_id=scene.hk.id, actor=scene.hr)
    db.session.commit()
    hk = outcomes(scene.hk)
    assert {o.status for o in hk.values()} == {OutcomeStatus.DISMISSED}
    assert hk[OutcomeKind.TRAINING].decided_by_id is None and "结果已变更" in hk[OutcomeKind.TRAINING].decision_note
    scene.hk.grade, scene.hk.total = Grade.NEEDS_IMPROVEMENT, Decimal("55")  # down again: suggested again
    result_changed.send(None, appraisal_id=scene.hk.id, actor=scene.hr)
    db.session.commit()
    assert {o.status for o in outcomes(scene.hk).values()} == {OutcomeStatus.SUGGESTED}
    assert outcomes(scene.hk)[OutcomeKind.IMPROVEMENT].reason == "考核结果为待改进"


def test_a_confirmed_outcome_is_never_touched(scene):
    publish(scene)
    reward = outcomes(scene.desk)[OutcomeKind.REWARD]
    reward.status = OutcomeStatus.CONFIRMED
    db.session.commit()
    scene.desk.grade, scene.desk.total = Grade.FAIL, Decimal("40")
    result_changed.send(None, appraisal_id=scene.desk.id, actor=scene.hr)
    db.session.commit()
    desk = outcomes(scene.desk)
    assert desk[OutcomeKind.REWARD].status == OutcomeStatus.CONFIRMED
    assert desk[OutcomeKind.TRAINING].status == OutcomeStatus.SUGGESTED
    assert desk[OutcomeKind.IMPROVEMENT].status == OutcomeStatus.SUGGESTED


def test_an_outcome_hr_dismissed_stays_dismissed(scene):
    publish(scene)
    training = outcomes(scene.hk)[OutcomeKind.TRAINING]
    training.status, training.decided_by_id = OutcomeStatus.DISMISSED, scene.hr.id
    db.session.commit()
    scene.hk.grade = Grade.NEEDS_IMPROVEMENT
    result_changed.send(None, appraisal_id=scene.hk.id, actor=scene.hr)
    db.session.commit()
    assert outcomes(scene.hk)[OutcomeKind.TRAINING].status == OutcomeStatus.DISMISSED
