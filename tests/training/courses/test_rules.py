"""The catalogue's pure rules: a course's numbers and trainer, days to complete, the default rules by category."""
from decimal import Decimal

import pytest

from hrapp.blueprints.training.courses.rules import (
    DEFAULT_RULE_CODES,
    CourseSettings,
    course_problems,
    default_rule_codes,
    due_days_problem,
)
from hrapp.models import CourseCategory

pytestmark = pytest.mark.unit

GOOD = dict(hours=Decimal("3.5"), max_score=Decimal("100"), pass_score=Decimal("60"), retakes=1,
            certificate_months=12)


def problems(**changes) -> dict[str, str]:
    return course_problems(CourseSettings(**(GOOD | changes)))


def test_good_settings_have_no_problem():
    assert problems() == {}
    assert problems(pass_score=None, certificate_months=None) == {}  # not assessed, not certifying
    assert problems(pass_score=Decimal("0")) == {} and problems(pass_score=Decimal("100")) == {}


@pytest.mark.parametrize("changes, field, code", [
    ({"hours": None}, "hours", "hours"),
    ({"hours": Decimal("0")}, "hours", "hours"),
    ({"hours": Decimal("-1")}, "hours", "hours"),
    ({"hours": Decimal("1.25")}, "hours", "hours"),
    ({"hours": Decimal("1000")}, "hours", "hours"),
    ({"max_score": Decimal("0")}, "max_score", "max_score"),
    ({"max_score": Decimal("10000")}, "max_score", "max_score"),
    ({"pass_score": Decimal("100.5")}, "pass_score", "pass_range"),
    ({"pass_score": Decimal("-1")}, "pass_score", "pass_range"),
    ({"pass_score": Decimal("60.25")}, "pass_score", "pass_range"),
    ({"retakes": -1}, "retakes", "retakes"),
    ({"retakes": None}, "retakes", "retakes"),
    ({"retakes": 21}, "retakes", "retakes"),
    ({"certificate_months": 0}, "certificate_months", "months"),
    ({"certificate_months": 241}, "certificate_months", "months"),
    ({"pass_score": None}, "certificate_months", "not_assessed"),
    ({"trainer_number": "S001", "trainer_name": "陈老师"}, "trainer_name", "two_trainers"),
])
def test_each_problem_is_named_on_its_field(changes, field, code):
    assert problems(**changes) == {field: code}


def test_one_trainer_either_way_or_none():
    assert problems(trainer_number="S001") == {} and problems(trainer_name="陈老师") == {}
    assert problems(trainer_number="  ", trainer_name="陈老师") == {}


def test_due_days():
    assert due_days_problem(30) is None and due_days_problem(1) is None
    assert {due_days_problem(v) for v in (0, -5, None, 3651)} == {"due_days"}


def test_every_category_has_its_default_rules():
    assert set(DEFAULT_RULE_CODES) == {c.value for c in CourseCategory}
    assert default_rule_codes("complaint_handling") == ("2-8",)
    assert default_rule_codes("laws_regulations") == ("2-9", "2-11", "2-16")
    assert default_rule_codes("unknown") == ()
