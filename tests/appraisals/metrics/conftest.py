"""A known quarter (2026-Q2, Shanghai local days 2026-04-01..2026-06-30) of attendance, conduct and training
records for one person (org.desk_staff), with records just outside it, and a template reading every metric."""
from datetime import date, datetime
from decimal import Decimal

import pytest

from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    Certificate,
    CriterionKind,
    DayStatus,
    Metric,
    Presence,
    RewardState,
    RuleKind,
    ViolationState,
)
from tests.appraisals.fixtures import FIVE_LEVELS
from tests.training.fixtures import write_attempt, write_course, write_enrolment, write_session

Q2_FIRST, Q2_LAST = date(2026, 4, 1), date(2026, 6, 30)
BANDS_RATE = [["98", "100"], ["95", "80"], ["90", "60"], ["0", "0"]]
# Every metric plus a rating and an imported KPI: (title, kind, weight, extra).
ALL_METRICS = (
    ("服务态度", CriterionKind.RATING, "10", {"levels": FIVE_LEVELS}),
    ("出勤率", CriterionKind.METRIC, "20", {"metric": Metric.ATTENDANCE_RATE, "bands": BANDS_RATE}),
    ("迟到次数", CriterionKind.METRIC, "10", {"metric": Metric.LATE_COUNT, "higher_is_better": False,
                                           "bands": [["0", "100"], ["2", "80"], ["5", "50"]]}),
    ("迟到分钟", CriterionKind.METRIC, "5", {"metric": Metric.LATE_MINUTES, "higher_is_better": False,
                                          "bands": [["0", "100"], ["30", "70"]]}),
    ("旷工", CriterionKind.METRIC, "5", {"metric": Metric.ABSENCES, "higher_is_better": False,
                                       "bands": [["0", "100"], ["1", "60"]]}),
    ("违纪扣分", CriterionKind.METRIC, "5", {"metric": Metric.CONDUCT_POINTS, "higher_is_better": False,
                                          "bands": [["0", "100"], ["5", "60"]]}),
    ("罚款", CriterionKind.METRIC, "5", {"metric": Metric.FINES, "higher_is_better": False,
                                       "bands": [["0", "100"], ["100", "50"]]}),
    ("奖励", CriterionKind.METRIC, "5", {"metric": Metric.REWARDS, "bands": [["2", "100"], ["1", "80"], ["0", "60"]]}),
    ("培训学时", CriterionKind.METRIC, "5", {"metric": Metric.TRAINING_HOURS,
                                          "bands": [["8", "100"], ["4", "70"], ["0", "40"]]}),
    ("培训成绩", CriterionKind.METRIC, "10", {"metric": Metric.TRAINING_SCORE,
                                          "bands": [["90", "100"], ["80", "85"], ["0", "50"]]}),
    ("证书过期", CriterionKind.METRIC, "5", {"metric": Metric.CERTIFICATES_OVERDUE, "higher_is_better": False,
                                          "bands": [["0", "100"], ["1", "50"]]}),
    ("顾客满意度", CriterionKind.IMPORTED, "15", {"kpi_code": "csat",
                                             "bands": [["4.5", "100"], ["4", "80"], ["0", "40"]]}),
)


def _day(staff, day, status, late=0, early=0):
    db.session.add(AttendanceDay(staff_id=staff.id, day=day, department_id=staff.department_id, status=status,
                                 late_minutes=late, early_minutes=early))


def _certificate(staff, course, session, number, issued_on, expires_on, superseded=False):
    attempt = write_attempt(session, staff, "90", number=number, taken_on=date(2025, 12, 1))
    db.session.add(Certificate(number=f"TC-T-{attempt.id}", attempt_id=attempt.id, staff_id=staff.id,
                               course_id=course.id, issued_on=issued_on, expires_on=expires_on,
                               superseded=superseded))


@pytest.fixture
def known_quarter(org, make_rule, make_violation, make_reward):
    """org.desk_staff's records in and around 2026-Q2. Expected: attendance 4 of 6 working days (66.67), late 2
    times / 15 minutes, 1 absence; conduct 3.5 points and 70.00 in fines; 2 rewards; 6.0 training hours; training
    score 85.00; 1 certificate overdue."""
    a = org.desk_staff
    for day, status, late, early in (
            (date(2026, 4, 1), DayStatus.PRESENT, 0, 0), (date(2026, 4, 2), DayStatus.LATE, 10, 0),
            (date(2026, 4, 3), DayStatus.EARLY, 0, 20), (date(2026, 4, 6), DayStatus.LATE_AND_EARLY, 5, 3),
            (date(2026, 4, 7), DayStatus.ABSENT, 0, 0), (date(2026, 4, 8), DayStatus.MISSING_PUNCH, 0, 0),
            (date(2026, 4, 9), DayStatus.LEAVE, 0, 0), (date(2026, 4, 10), DayStatus.REST, 0, 0),
            (date(2026, 4, 11), DayStatus.REST_WORKED, 0, 0), (date(2026, 4, 12), DayStatus.UNROSTERED, 0, 0),
            (date(2026, 4, 13), DayStatus.PENDING, 0, 0),
            (date(2026, 3, 31), DayStatus.ABSENT, 0, 0), (date(2026, 7, 1), DayStatus.LATE, 30, 0)):
        _day(a, day, status, late, early)
    fine = make_rule(kind=RuleKind.FINE_RANGE, min_amount=Decimal("10"), max_amount=Decimal("500"))
    damage = make_rule(kind=RuleKind.COMPENSATION)
    # Local 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC.
    make_violation(a, fine, amount=Decimal("50.00"), points=Decimal("2.0"), occurred_at=datetime(2026, 3, 31, 16, 0))
    make_violation(a, fine, amount=Decimal("99.00"), points=Decimal("9.0"), occurred_at=datetime(2026, 3, 31, 15, 59))
    make_violation(a, fine, amount=Decimal("20.00"), points=Decimal("1.5"), occurred_at=datetime(2026, 6, 30, 15, 59))
    make_violation(a, fine, amount=Decimal("77.00"), points=Decimal("7.0"), occurred_at=datetime(2026, 6, 30, 16, 0))
    make_violation(a, fine, state=ViolationState.SUBMITTED, amount=Decimal("30.00"), points=Decimal("3.0"),
                   occurred_at=datetime(2026, 5, 1, 2, 0))
    make_violation(a, fine, state=ViolationState.VOID, amount=Decimal("40.00"), points=Decimal("4.0"),
                   occurred_at=datetime(2026, 5, 2, 2, 0))
    make_violation(a, fine, state=ViolationState.PROPOSED, amount=Decimal("10.00"), points=Decimal("1.0"),
                   occurred_at=datetime(2026, 5, 3, 2, 0))
    make_violation(a, damage, amount=Decimal("300.00"), points=Decimal("0.0"), occurred_at=datetime(2026, 5, 4, 2, 0))
    praise = make_rule(kind=RuleKind.COMMENDATION)
    make_reward(a, praise, awarded_on=date(2026, 4, 15))
    make_reward(a, praise, awarded_on=Q2_LAST)
    make_reward(a, praise, state=RewardState.PROPOSED, awarded_on=date(2026, 4, 16))
    make_reward(a, praise, awarded_on=date(2026, 7, 1))
    course = write_course("C-MT1", hours="4")
    half = write_course("C-MT2", hours="2", max_score=Decimal("50"), pass_score="30")
    s1 = write_session(course, starts_at=datetime(2026, 4, 10, 1, 0), hours=4)
    s2 = write_session(course, starts_at=datetime(2026, 4, 20, 1, 0), hours=4)
    s3 = write_session(half, starts_at=datetime(2026, 3, 31, 16, 0), hours=2)  # local 04-01 00:00: in
    s4 = write_session(half, starts_at=datetime(2026, 3, 31, 15, 0), hours=2)  # local 03-31 23:00: out
    write_enrolment(s1, a, presence=Presence.PRESENT)
    write_enrolment(s2, a, presence=Presence.ABSENT)
    write_enrolment(s3, a, presence=Presence.PRESENT)
    write_enrolment(s4, a, presence=Presence.PRESENT)
    write_attempt(s1, a, "80", taken_on=date(2026, 4, 10))  # 80 %
    write_attempt(s2, a, "40", number=2, taken_on=date(2026, 4, 20))  # failed: not counted
    write_attempt(s3, a, "45", taken_on=date(2026, 4, 1))  # 45 of 50: 90 %
    write_attempt(s4, a, "50", number=2, taken_on=date(2026, 3, 31))  # before the quarter
    certifying = write_course("C-MT3", certificate_months=12)
    other = write_course("C-MT4", certificate_months=12)
    cs = write_session(certifying, starts_at=datetime(2025, 12, 1, 1, 0))
    os_ = write_session(other, starts_at=datetime(2025, 12, 1, 1, 0))
    _certificate(a, certifying, cs, 1, date(2025, 5, 1), date(2026, 5, 1))  # expired, not renewed: counts
    _certificate(a, other, os_, 1, date(2025, 5, 1), date(2026, 5, 1))  # expired, renewed below: not
    _certificate(a, other, os_, 2, date(2026, 5, 2), date(2027, 5, 2))
    _certificate(a, certifying, cs, 2, date(2024, 1, 1), date(2025, 1, 1), superseded=True)
    _certificate(a, write_course("C-MT5", certificate_months=12), cs, 3, date(2025, 7, 15), date(2026, 7, 15))
    db.session.commit()
    return a
