"""Fixtures of the course tests: `people` (org plus the head of housekeeping) with a few penalty rules of the
standard catalogue, positions in the front desk and housekeeping, and helpers to post a course form."""
import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Course, RuleKind
from tests import access_matrix

people = access_matrix.people  # the fixture: org plus the head of housekeeping
VALID = {"code": "ETQ-01", "title": "服务礼仪与仪容仪表", "title_en": "Etiquette", "category": "etiquette_grooming",
         "description": "站姿与问候", "hours": "4", "trainer_number": "", "trainer_name": "陈老师", "max_score": "100",
         "pass_score": "70", "retakes": "1", "certificate_months": "", "open_enrolment": "y"}


@pytest.fixture
def site(people, make_rule, make_position):
    """`people` with penalty rules 2-4, 2-5, 2-8, 2-13 (and an inactive 2-1, a reward R-1), a receptionist
    position in FO-DESK and a room attendant position in HK."""
    o = people
    o.rules = {code: make_rule(code, title_zh=f"规则{code}") for code in ("2-4", "2-5", "2-8", "2-13", "2-1")}
    o.rules["2-1"].active = False
    o.reward = make_rule("R-1", RuleKind.COMMENDATION)
    o.receptionist = make_position("FD-REC", "前台接待员", o.front_desk)
    o.attendant = make_position("HK-ATT", "客房服务员", o.housekeeping)
    db.session.commit()
    return o


def course(code: str) -> Course | None:
    """The course with this code, fresh from the database."""
    db.session.expire_all()
    return db.session.scalar(sa.select(Course).where(Course.code == code))
