"""Fixtures of the calibration tests: `scene` — the org with a head of housekeeping (`hk_head`), the standard
template, a cycle in calibration and scored results: the desk clerk (FO-DESK, 85 by the FO head), the housekeeping
clerk (HK, 70 by the HK head) and the FO head's own (92, scored by HR: the FO head heads a top department)."""
from decimal import Decimal

import pytest

from hrapp.blueprints.appraisals import rules
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage, Grade, Role
from tests.appraisals.fixtures import write_appraisal


def score(appraisal, total: str, by=None, status=AppraisalStatus.SCORED, **fields):
    """Set `appraisal` as scored with `total` (head's total too) by user `by`, grade from the default bands."""
    value = Decimal(total)
    appraisal.status = status
    appraisal.head_total = appraisal.total = value
    appraisal.grade = Grade(rules.grade_for(value))
    appraisal.scored_by_id = by.id if by is not None else None
    for name, field_value in fields.items():
        setattr(appraisal, name, field_value)
    db.session.flush()
    return appraisal


@pytest.fixture
def scene(org, make_user, make_template, make_cycle):
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    org.template = make_template()
    org.cycle = make_cycle(name="2026-Q3", stage=CycleStage.CALIBRATION)
    org.desk = score(write_appraisal(org.cycle, org.desk_staff, org.template), "85", org.head)
    org.hk = score(write_appraisal(org.cycle, org.hk_staff, org.template), "70", org.hk_head)
    org.own = score(write_appraisal(org.cycle, org.head_staff, org.template), "92", org.hr)
    db.session.commit()
    return org


@pytest.fixture
def scored_people(scene, make_staff):
    """make(department, totals, by): one scored appraisal per total for new people of `department`."""
    def make(department, totals, by):
        made = []
        for total in totals:
            staff = make_staff(department)
            made.append(score(write_appraisal(scene.cycle, staff, scene.template), total, by))
        db.session.commit()
        return made
    return make
