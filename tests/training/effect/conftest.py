"""The effect tests' scene (`effect_site`): `people` (org and a head of housekeeping) plus a course linked to one
conduct rule, one session of it on 2026-03-02 (Shanghai) attended by two front-desk clerks and one housekeeping
clerk, a 2025 session, feedback, attempts and violations around the session, with the numbers the pages must show
worked out in the comments.

Session day D = 2026-03-02 (local). Rule A is linked to the course, rule B is not.
- desk (李前台, FO-DESK, present): A at D-91 (outside), D-10, D-1 (before), D (excluded), D+5 (after); B at D+6 (not
  linked); A at D+7 as a DRAFT (not counted).
- desk2 (FO-DESK, present): A at D-90 (before, the window's first day); A at 2026-03-01 17:00 UTC = D 01:00 local
  (excluded); A at D+91 (outside).
- hk (赵服务员, HK, present): A at D+3 (after).
- desk3 (FO-DESK, enrolled but absent: a colleague): A at D-5 (before), D+5 and D+6 (after), A VOID at D+8.
- desk4 (FO-DESK, not enrolled: a colleague): none.
- hk2 (HK, a colleague in 2026; present at the 2025 session): A at D-3 (before).
- head_staff (FO): no attendee of FO, so nobody of FO is compared.
Attendees 3: before 3, after 2 -> 100.0 / 66.7 per 100, change -33.3. Colleagues 3: before 2, after 2 -> 66.7 / 66.7,
change 0.0. The FO head (FO, FO-DESK): attendees 2: before 3, after 1 -> 150.0 / 50.0, -100.0; colleagues 2: before
1, after 2 -> 50.0 / 100.0, +50.0.
Feedback: desk 5 "讲得很好", desk2 4, hk 2 "太长了" -> 3 of 3, average 3.7 (head: 2 of 2, average 4.5).
Attempts (pass mark 60): desk 50 then 80, desk2 90, hk 40 -> 3 people, pass rate 66.7, first-attempt 33.3, average
65.0, one retake +30.0 (head: 2 people, 100.0, 50.0, average 73.3, +30.0).
"""
from datetime import date, datetime, timedelta

import pytest

from hrapp.extensions import db
from hrapp.models import CourseCategory, Feedback, Presence, ViolationState
from tests.access_matrix import people  # noqa: F401  (org plus the head of housekeeping)

D = date(2026, 3, 2)


def at(offset: int, hour: int = 2) -> datetime:
    """D + offset days at `hour` UTC (02:00 UTC is 10:00 in Shanghai, the same day)."""
    return datetime.combine(D + timedelta(days=offset), datetime.min.time()).replace(hour=hour)


@pytest.fixture
def effect_site(people, make_staff, make_rule, make_violation, make_course, make_session, make_enrolment,  # noqa: F811
                make_attempt):
    s = people
    s.desk, s.hk = s.desk_staff, s.hk_staff
    s.desk2 = make_staff(s.front_desk, name_zh="钱前台")
    s.desk3 = make_staff(s.front_desk, name_zh="孙前台")
    s.desk4 = make_staff(s.front_desk, name_zh="周前台")
    s.hk2 = make_staff(s.housekeeping, name_zh="吴服务员")
    s.rule_a, s.rule_b = make_rule(title_zh="不按规定着装"), make_rule(title_zh="卫生清扫不彻底")
    s.course = make_course(code="C-ETQ", title="仪容仪表", category=CourseCategory.ETIQUETTE, pass_score="60")
    s.course.rules.append(s.rule_a)
    s.session = make_session(s.course, starts_at=at(0, hour=1), place="培训室")
    enrolments = {p: make_enrolment(s.session, p, presence=Presence.PRESENT) for p in (s.desk, s.desk2, s.hk)}
    make_enrolment(s.session, s.desk3, presence=Presence.ABSENT)
    s.old_session = make_session(s.course, starts_at=datetime(2025, 11, 3, 1, 0))
    make_enrolment(s.old_session, s.hk2, presence=Presence.PRESENT)
    for person, rating, comment in ((s.desk, 5, "讲得很好"), (s.desk2, 4, ""), (s.hk, 2, "太长了")):
        db.session.add(Feedback(enrolment_id=enrolments[person].id, session_id=s.session.id, rating=rating,
                                comment=comment, given_at=at(0, hour=4)))
    make_attempt(s.session, s.desk, "50", number=1)
    make_attempt(s.session, s.desk, "80", number=2)
    make_attempt(s.session, s.desk2, "90")
    make_attempt(s.session, s.hk, "40")
    db.session.commit()
    a, b = s.rule_a, s.rule_b
    for person, rule, offset, state in (
            (s.desk, a, -91, None), (s.desk, a, -10, None), (s.desk, a, -1, None), (s.desk, a, 0, None),
            (s.desk, a, 5, None), (s.desk, b, 6, None), (s.desk, a, 7, ViolationState.DRAFT),
            (s.desk2, a, -90, None), (s.desk2, a, 91, None),
            (s.hk, a, 3, None),
            (s.desk3, a, -5, None), (s.desk3, a, 5, None), (s.desk3, a, 6, None), (s.desk3, a, 8, ViolationState.VOID),
            (s.hk2, a, -3, None)):
        make_violation(person, rule, occurred_at=at(offset), **({"state": state} if state else {}))
    make_violation(s.desk2, a, occurred_at=datetime(2026, 3, 1, 17, 0))  # D 01:00 in Shanghai: excluded
    return s
