"""The scoring part's demo steps on a cycle set up in the right stage: self-assessments (most submitted, some
drafts), head scores (by the head where one may score, else by HR on the head's behalf), peer feedback; each
deterministic and idempotent."""
import random

import pytest

from hrapp.blueprints.appraisals.scoring.demo import demo_head_scores, demo_peer_feedback, demo_self_assess
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, AuditEntry, CycleStage, PeerFeedback, Role


@pytest.fixture
def crowd(scene, make_staff, make_user, make_appraisal):
    """Eight more people with accounts: four at the front desk, four in housekeeping (which has no head with a
    staff record to score from — hkhead scores it), and one department with no head at all."""
    scene.people = []
    for number in range(8):
        department = scene.front_desk if number < 4 else scene.housekeeping
        staff = make_staff(department, name_zh=f"演示{number}")
        make_user(Role.STAFF, f"demo{number}", staff=staff)
        scene.people.append(make_appraisal(scene.cycle, staff, scene.template))
    db.session.commit()
    return scene


def statuses(cycle) -> list:
    db.session.refresh(cycle)
    return [a.status for a in cycle.appraisals]


def test_self_assessments_then_head_scores(crowd, make_department, make_staff, make_appraisal):
    cycle = crowd.cycle
    assert demo_self_assess(cycle, random.Random(7), share=0.7) == 9  # the clerk and the eight
    submitted = statuses(cycle).count(AppraisalStatus.HEAD_REVIEW)
    assert 3 <= submitted < 9  # some only saved a draft
    assert all(a.self_total is not None for a in cycle.appraisals)
    assert demo_self_assess(cycle, random.Random(7), share=0.7) == 0  # idempotent
    headless = make_department("NOHEAD", "无主管部")
    lonely = make_appraisal(cycle, make_staff(headless, name_zh="孤单"), crowd.template)
    cycle.stage = CycleStage.HEAD_SCORING
    for appraisal in cycle.appraisals:  # what the cycles part does when the stage moves on
        appraisal.status = AppraisalStatus.HEAD_REVIEW
    db.session.flush()
    assert demo_head_scores(cycle, random.Random(7)) == 10
    assert set(statuses(cycle)) == {AppraisalStatus.SCORED}
    assert all(a.total is not None and a.grade is not None for a in cycle.appraisals)
    assert lonely.scored_by_id == crowd.hr.id  # nobody may score it: HR on the head's behalf
    assert crowd.appraisal.scored_by_id == crowd.head.id
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "appraisal.submit_head")) == 10
    assert demo_head_scores(cycle, random.Random(7)) == 0


def test_peer_feedback(crowd):
    given = demo_peer_feedback(crowd.cycle, random.Random(3))
    assert given > 0
    assert db.session.scalar(db.select(db.func.count()).select_from(PeerFeedback)) == given
    assert demo_peer_feedback(crowd.cycle, random.Random(3)) >= 0
    rows = db.session.execute(db.select(PeerFeedback.appraisal_id, PeerFeedback.reviewer_staff_id)).all()
    assert len(rows) == len(set(rows))
