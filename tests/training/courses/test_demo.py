"""seed-demo's catalogue: ten courses in every category with their default rules, some open, some by outside
trainers, two certifying; every position requires the induction, front-line positions etiquette and complaint
handling, equipment positions the safety courses. Running it twice adds nothing twice."""
from datetime import date
from types import SimpleNamespace

import sqlalchemy as sa

from hrapp.blueprints.training.courses.demo import seed_demo
from hrapp.extensions import db
from hrapp.models import Course, CourseCategory, PositionCourse, RequiredTrainingKind


def _report(site):
    return SimpleNamespace(users={"hr": site.hr, "head": site.head}, today=date(2026, 12, 2), counts={}, summary=[])


def test_the_demo_catalogue_and_required_training_once(app, site, make_position):
    desk = make_position("HTL-FD-REC", "前台接待员", site.front_desk)
    cleaner = make_position("HTL-HK-PA", "公共区域保洁员", site.housekeeping)
    report = _report(site)
    seed_demo(report)
    db.session.commit()
    courses = {c.code: c for c in db.session.scalars(sa.select(Course))}
    assert len(courses) == 10 and {c.category for c in courses.values()} == set(CourseCategory)
    assert {c.certificate_months for c in courses.values() if c.certifying} == {12, 24}
    assert any(c.open_enrolment for c in courses.values()) and any(c.trainer_name for c in courses.values())
    assert [r.code for r in courses["CMP-01"].rules] == ["2-8"]
    assert sorted(r.code for r in courses["ETQ-01"].rules) == ["2-4", "2-5"]
    rows = {(r.position.code, r.course.code): r for r in db.session.scalars(sa.select(PositionCourse))}
    # every position of the company requires the induction, in 30 days
    assert {p for p, c in rows if c == "IND-01"} == {"FD-REC", "HK-ATT", "HTL-FD-REC", "HTL-HK-PA"}
    assert rows[("HTL-FD-REC", "IND-01")].due_days == 30
    assert rows[("HTL-FD-REC", "IND-01")].kind == RequiredTrainingKind.INDUCTION
    assert {c for p, c in rows if p == desk.code} == {"IND-01", "ETQ-01", "CMP-01"}
    assert {c for p, c in rows if p == cleaner.code} == {"IND-01", "SAF-01"}
    assert report.counts == {"training_courses": 10, "training_required": 7}
    again = _report(site)
    seed_demo(again)
    db.session.commit()
    assert again.counts == {"training_courses": 0, "training_required": 0}
    assert db.session.scalar(sa.select(sa.func.count(Course.id))) == 10
    assert db.session.scalar(sa.select(sa.func.count(PositionCourse.id))) == 7


def test_seed_demo_builds_the_catalogue(runner):
    result = runner.invoke(args=["seed-demo", "--staff", "40", "--seed", "5", "--password", "Demo-Password-2026"])
    assert result.exit_code == 0, result.output
    assert "Training: 10 courses" in result.output
    induction = db.session.scalar(sa.select(Course).where(Course.code == "IND-01"))
    assert induction.trainer is not None and induction.trainer.staff_number  # the demo HR clerk trains it
    assert db.session.scalar(sa.select(sa.func.count(PositionCourse.id)).where(
        PositionCourse.course_id == induction.id)) > 30
    cableway = db.session.scalar(sa.select(Course).where(Course.code == "SAF-02"))
    assert db.session.scalar(sa.select(sa.func.count(PositionCourse.id)).where(
        PositionCourse.course_id == cableway.id)) == 2
