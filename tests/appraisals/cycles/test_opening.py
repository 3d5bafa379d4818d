"""Opening a cycle: everyone's appraisal from their template (position, department, company), heads on T-MGR
scored by the general manager, team appraisals, people without a template left out and listed, templates whose
weights do not add up to exactly 100 never used, straight to head scoring when no template asks for a
self-assessment, and a person added after opening."""
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.appraisals.cycles.messages import CycleError
from hrapp.blueprints.appraisals.cycles.opening import add_person, open_cycle
from hrapp.blueprints.appraisals.cycles.queries import without_appraisal
from hrapp.core.errors import StaleRecord
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalStatus,
    CriterionKind,
    CycleStage,
    EmploymentStatus,
    Role,
    Scorer,
)
from tests.appraisals.fixtures import write_cycle, write_template

from .conftest import reload

THIRDS = [(f"项{n}", CriterionKind.RATING, "33.33", {"levels": ["1", "2", "3"]}) for n in range(3)]


def appraisals_of(cycle) -> dict:
    rows = db.session.scalars(sa.select(Appraisal).where(Appraisal.cycle_id == cycle.id)).all()
    return {(a.staff_id if a.staff_id is not None else f"team-{a.team_department_id}"): a for a in rows}


def test_everyone_gets_their_template(scene, make_position, make_staff):
    front = write_template("T-FO", department_id=scene.front.id)
    position = make_position(department=scene.housekeeping)
    by_position = write_template("T-POS", position_id=position.id)
    cleaner = make_staff(scene.housekeeping, position_id=position.id)
    opening = open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    db.session.commit()
    made = appraisals_of(scene.cycle)
    assert made[scene.desk_staff.id].template_id == front.id  # the parent department's
    assert made[scene.hk_staff.id].template_id == scene.template.id  # the company's
    assert made[cleaner.id].template_id == by_position.id
    assert made[scene.desk_staff.id].status == AppraisalStatus.SELF_REVIEW
    assert [i.title_zh for i in made[scene.desk_staff.id].items] == ["服务与工作态度", "出勤率", "顾客满意度"]
    assert made[scene.desk_staff.id].items[1].self_scored is False
    assert reload(scene.cycle).stage == CycleStage.SELF_ASSESSMENT
    assert opening.made == len(made) and opening.without == []


def test_heads_get_t_mgr_and_their_scorer(scene, make_staff, make_user):
    manager = write_template("T-MGR", name="管理人员考核表")
    desk_head_staff = make_staff(scene.front_desk, name_zh="前台主管")
    make_user(Role.HEAD, "deskhead", staff=desk_head_staff, departments=[scene.front_desk])
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    made = appraisals_of(scene.cycle)
    assert made[desk_head_staff.id].template_id == manager.id
    assert made[desk_head_staff.id].scorer == Scorer.GENERAL_MANAGER
    assert made[scene.head_staff.id].template_id == manager.id and made[scene.head_staff.id].scorer == Scorer.HR
    assert made[scene.desk_staff.id].template_id == scene.template.id
    assert made[scene.desk_staff.id].scorer == Scorer.HEAD


def test_team_appraisals_and_people_without_template(scene, make_department, make_staff):
    scene.template.active = False
    write_template("T-FO", department_id=scene.front.id)
    team = write_template("T-TEAM", department_id=scene.housekeeping.id, team=True)
    newcomer = make_staff(scene.front, hire_on=date(2099, 1, 1))  # hired after the period: not appraised
    gone = make_staff(scene.front, status=EmploymentStatus.LEFT)
    opening = open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    made = appraisals_of(scene.cycle)
    team_appraisal = made[f"team-{scene.housekeeping.id}"]
    assert team_appraisal.template_id == team.id and team_appraisal.scorer == Scorer.HR
    assert team_appraisal.status == AppraisalStatus.HEAD_REVIEW and team_appraisal.staff_id is None
    assert scene.hk_staff.id not in made and newcomer.id not in made and gone.id not in made
    assert opening.without == [scene.hk_staff.id] and opening.teams == 1
    assert [s.id for s in without_appraisal(reload(scene.cycle))] == [scene.hk_staff.id]


def test_a_template_whose_weights_miss_100_is_never_used(scene):
    scene.template.active = False
    write_template("T-THIRDS", criteria=THIRDS)
    with pytest.raises(CycleError) as refused:
        open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    assert refused.value.field == "stage"
    write_template("T-FO", department_id=scene.front.id)
    opening = open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    made = appraisals_of(scene.cycle)
    assert {a.template.code for a in made.values()} == {"T-FO"}
    assert scene.hk_staff.id in opening.without


def test_without_self_assessment_it_opens_for_head_scoring(scene):
    scene.template.self_assessment = False
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    assert reload(scene.cycle).stage == CycleStage.HEAD_SCORING
    assert {a.status for a in appraisals_of(scene.cycle).values()} == {AppraisalStatus.HEAD_REVIEW}


def test_opening_checks_stage_and_version(scene):
    with pytest.raises(StaleRecord):
        open_cycle(scene.hr, scene.cycle, scene.cycle.version_id - 1)
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    db.session.commit()
    count = len(appraisals_of(scene.cycle))
    with pytest.raises(Exception):  # noqa: B017,PT011  (wrong state: TransitionRefused)
        open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    db.session.rollback()
    assert len(appraisals_of(scene.cycle)) == count


def test_a_person_hired_later_is_added(scene, make_staff):
    open_cycle(scene.hr, scene.cycle, scene.cycle.version_id)
    db.session.commit()
    late = make_staff(scene.housekeeping, hire_on=scene.cycle.last_on)
    late_id = late.id
    assert late_id in [s.id for s in without_appraisal(scene.cycle)]
    appraisal = add_person(scene.hr, scene.cycle, late.staff_number)
    assert appraisal.staff_id == late_id and appraisal.status == AppraisalStatus.SELF_REVIEW
    with pytest.raises(CycleError) as refused:
        add_person(scene.hr, scene.cycle, late.staff_number)
    assert refused.value.field == "staff_number"
    with pytest.raises(CycleError):
        add_person(scene.hr, scene.cycle, "NOPE")


def test_a_cycle_in_the_write_fixture_opens_too(org):
    cycle = write_cycle("2026-M", stage=CycleStage.SETUP)
    write_template("T-STD")
    assert open_cycle(org.hr, cycle, cycle.version_id).made == 3
