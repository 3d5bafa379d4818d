"""seed-demo's part for the effect pages: courses naming no conduct rules are linked to their category's rules
(once), and the summary says so."""
import sqlalchemy as sa

from hrapp.blueprints.training.effect.demo import link_rules
from hrapp.extensions import db
from hrapp.models import ConductRule, CourseCategory, course_rules

ARGS = ["seed-demo", "--staff", "60", "--seed", "4", "--password", "Demo-Password-2026"]


def test_demo_links_courses_to_their_rules(runner, make_course):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    assert "Training effect:" in result.output
    complaints = make_course(code="C-CMP", title="投诉处理", category=CourseCategory.COMPLAINTS)
    assert link_rules() >= 1
    codes = set(db.session.scalars(sa.select(ConductRule.code).join(course_rules, course_rules.c.rule_id ==
                                                                    ConductRule.id)
                                   .where(course_rules.c.course_id == complaints.id)))
    assert codes == {"2-8"}  # courses/rules.DEFAULT_RULE_CODES: complaint handling
    assert link_rules() == 0  # linked courses are left as they are
