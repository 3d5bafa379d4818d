"""What seed-demo adds for the effect pages (after the other training parts): each demo course that names no
conduct rules is linked to the rules its category is meant to improve (courses/rules.DEFAULT_RULE_CODES:
complaint handling -> hostile service, etiquette and grooming -> uniform and polite address, ...), so its effect page counts behaviour;
the summary says how many courses and attended sessions there are to measure."""
import sqlalchemy as sa

from hrapp.blueprints.training.courses.rules import default_rule_codes
from hrapp.extensions import db
from hrapp.models import ConductRule, Course, Enrolment, Presence, course_rules


def link_rules() -> int:
    """Link each course without rules to its category's rules (those that exist); how many courses were linked."""
    rule_ids = dict(db.session.execute(sa.select(ConductRule.code, ConductRule.id)).all())
    already = set(db.session.scalars(sa.select(course_rules.c.course_id).distinct()))
    linked = 0
    for course_id, category in db.session.execute(sa.select(Course.id, Course.category).order_by(Course.id)):
        wanted = [rule_ids[code] for code in default_rule_codes(category) if code in rule_ids]
        if course_id in already or not wanted:
            continue
        db.session.execute(sa.insert(course_rules), [{"course_id": course_id, "rule_id": r} for r in wanted])
        linked += 1
    db.session.flush()
    return linked


def seed_demo(report) -> None:
    linked = link_rules()
    attended = db.session.scalar(sa.select(sa.func.count(sa.distinct(Enrolment.session_id)))
                                 .where(Enrolment.presence == Presence.PRESENT)) or 0
    with_rules = db.session.scalar(sa.select(sa.func.count(sa.distinct(course_rules.c.course_id)))) or 0
    report.counts.update(training_courses_linked_to_rules=linked)
    report.summary.append(f"Training effect: {with_rules} courses linked to conduct rules ({linked} just now), "
                          f"{attended} attended sessions to measure.")
