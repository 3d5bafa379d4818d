"""The head's home world: `people` (the head heads FO and its FO-DESK) with today's rosters, approvals, next
month's demand, appraisal and training tasks and this month's figures, in FO and the same in housekeeping
(HK, out of the head's scope: nothing of it may appear). Rows are written directly, as the modules leave them."""
from datetime import date, time, timedelta

import pytest

from hrapp.blueprints.home.head_home.rules import quarter_number
from hrapp.blueprints.roster.rules import LEAVE, WORK, ShiftTypeData
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.company import company_today
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import (
    AppraisalStatus,
    AttendanceCorrection,
    CorrectionKind,
    CycleStage,
    DayOffRequest,
    DayStatus,
    LeaveStatus,
    PeriodKind,
    PlanItem,
    PlanStatus,
    RewardState,
    Roster,
    RosterCell,
    RosterDemand,
    RosterStatus,
    RuleKind,
    ShiftSwap,
    SwapStatus,
    TrainingPlan,
    ViolationState,
)
from hrapp.models.base import utcnow
from tests import access_matrix
from tests.appraisals.fixtures import write_appraisal, write_cycle, write_template
from tests.leave.fixtures import write_leave
from tests.training.fixtures import write_course, write_enrolment, write_session

people = access_matrix.people  # the fixture

OUTSIDER = "外部门人"  # every HK person's name starts so: never on the head's page


def _month_roster(department, day: date, status=RosterStatus.PUBLISHED) -> Roster:
    first, last = period_of(MONTH, day).bounds
    roster = Roster(department_id=department.id, period_kind=PeriodKind.MONTH, starts_on=first, ends_on=last,
                    status=status)
    db.session.add(roster)
    db.session.flush()
    return roster


def _cell(roster, staff, day, shift):
    db.session.add(RosterCell(roster_id=roster.id, staff_id=staff.id, day=day, shift_type_id=shift.id))


@pytest.fixture
def head_day(people, make_staff, make_day, make_punch, make_rule, make_violation, make_reward):
    """`people` plus, for today (company day): FO and HK published rosters; in FO 王经理 (the head) present,
    李前台 late, 钱缺勤 absent, 孙请假 on leave, 周打卡 punched in (no reconciled day yet); approvals of FO-DESK
    people; next month: FO's draft roster short of its early-shift demand; tasks and this month's figures."""
    o = people
    today = o.today = company_today()
    o.early = save_shift_type(o.hr, o.front, ShiftTypeData("早", "早班", WORK, time(0, 1), time(23, 58), 0))
    o.leave_shift = save_shift_type(o.hr, o.front, ShiftTypeData("假", "请假", LEAVE, name_en="Leave"))
    o.hk_early = save_shift_type(o.hr, o.housekeeping, ShiftTypeData("早", "早班", WORK, time(0, 1), time(23, 58), 0))
    o.absent_staff = make_staff(o.front_desk, name_zh="钱缺勤")
    o.leave_staff = make_staff(o.front_desk, name_zh="孙请假")
    o.punched_staff = make_staff(o.front_desk, name_zh="周打卡")
    o.hk_people = [o.hk_staff] + [make_staff(o.housekeeping, name_zh=f"{OUTSIDER}{n}") for n in range(2)]
    o.hk_staff.name_zh = f"{OUTSIDER}赵"
    # today's board
    fo = _month_roster(o.front, today)
    for staff in (o.head_staff, o.desk_staff, o.absent_staff, o.punched_staff):
        _cell(fo, staff, today, o.early)
    _cell(fo, o.leave_staff, today, o.leave_shift)
    hk = _month_roster(o.housekeeping, today)
    for staff in o.hk_people:
        _cell(hk, staff, today, o.hk_early)
    make_day(o.head_staff, today, DayStatus.PRESENT)
    make_day(o.desk_staff, today, DayStatus.LATE, late_minutes=12)
    make_day(o.absent_staff, today, DayStatus.ABSENT)
    make_day(o.hk_people[1], today, DayStatus.ABSENT)
    make_punch(o.punched_staff, today, time(0, 5))
    # approvals: FO-DESK people's, the head's own and HK's
    long_ago = utcnow() - timedelta(days=3)
    o.leave = write_leave(o.desk_staff, today + timedelta(days=5), today + timedelta(days=6),
                          status=LeaveStatus.PENDING)
    o.leave.created_at = long_ago
    write_leave(o.absent_staff, today + timedelta(days=7), today + timedelta(days=7), status=LeaveStatus.PENDING)
    write_leave(o.head_staff, today + timedelta(days=8), today + timedelta(days=8), status=LeaveStatus.PENDING)
    write_leave(o.hk_staff, today + timedelta(days=5), today + timedelta(days=6), status=LeaveStatus.PENDING)
    o.correction = AttendanceCorrection(
        staff_id=o.desk_staff.id, department_id=o.front_desk.id, day=today - timedelta(days=1),
        kind=CorrectionKind.MISSING_OUT, punched_at=utcnow() - timedelta(hours=14), reason="忘记打卡")
    hk_correction = AttendanceCorrection(
        staff_id=o.hk_staff.id, department_id=o.housekeeping.id, day=today - timedelta(days=1),
        kind=CorrectionKind.MISSING_OUT, punched_at=utcnow() - timedelta(hours=14), reason="忘记打卡")
    o.swap = ShiftSwap(roster_id=fo.id, requester_id=o.punched_staff.id, partner_id=o.absent_staff.id,
                       requester_day=today, partner_day=today, status=SwapStatus.ACCEPTED)
    hk_swap = ShiftSwap(roster_id=hk.id, requester_id=o.hk_people[1].id, partner_id=o.hk_people[2].id,
                        requester_day=today, partner_day=today, status=SwapStatus.ACCEPTED)
    o.day_off = DayOffRequest(staff_id=o.leave_staff.id, day=today + timedelta(days=20))
    hk_day_off = DayOffRequest(staff_id=o.hk_staff.id, day=today + timedelta(days=20))
    db.session.add_all([o.correction, hk_correction, o.swap, hk_swap, o.day_off, hk_day_off])
    rule = make_rule()
    o.proposal = make_violation(o.absent_staff, rule, state=ViolationState.PROPOSED, occurred_at=utcnow(),
                                department_id=o.front_desk.id)
    make_violation(o.hk_staff, rule, state=ViolationState.PROPOSED, occurred_at=utcnow())
    # this month's figures: FO one violation final (on the ledger), one submitted (awaiting a decision), one void;
    # 1 approved reward; HK more of each
    month = period_of(MONTH, today).name
    for state in (ViolationState.FINAL, ViolationState.SUBMITTED, ViolationState.VOID):
        make_violation(o.desk_staff, rule, state=state, occurred_at=utcnow(), ledger_month=month)
    for _ in range(3):
        make_violation(o.hk_staff, rule, occurred_at=utcnow(), ledger_month=month)
    reward_rule = make_rule(kind=RuleKind.COMMENDATION)
    make_reward(o.desk_staff, reward_rule, awarded_on=today, ledger_month=month)
    make_reward(o.desk_staff, reward_rule, state=RewardState.PROPOSED, awarded_on=today, ledger_month=month)
    make_reward(o.hk_staff, reward_rule, awarded_on=today, ledger_month=month)
    # next month: FO wants 2 on the early shift every day; its draft roster has 2 on the 1st, 1 on the 2nd
    following = period_of(MONTH, today).next().first
    o.next_roster = _month_roster(o.front, following, RosterStatus.DRAFT)
    for weekday in range(7):
        db.session.add(RosterDemand(department_id=o.front.id, shift_type_id=o.early.id, weekday=weekday, required=2))
        db.session.add(RosterDemand(department_id=o.housekeeping.id, shift_type_id=o.hk_early.id, weekday=weekday,
                                    required=1))
    _cell(o.next_roster, o.desk_staff, following, o.early)
    _cell(o.next_roster, o.absent_staff, following, o.early)
    _cell(o.next_roster, o.desk_staff, following + timedelta(days=1), o.early)
    o.following = following
    # tasks: an appraisal to score, a session to mark, one coming up, a plan item due; HK's the same
    template = write_template()
    o.cycle = write_cycle("头班考核", stage=CycleStage.HEAD_SCORING)
    write_appraisal(o.cycle, o.desk_staff, template, status=AppraisalStatus.HEAD_REVIEW)
    write_appraisal(o.cycle, o.hk_staff, template, status=AppraisalStatus.HEAD_REVIEW)
    course = write_course(title="服务礼仪")
    o.past_session = write_session(course, starts_at=utcnow() - timedelta(days=2), department=o.front_desk)
    write_enrolment(o.past_session, o.desk_staff)
    hk_course = write_course(code="C-HK", title=f"{OUTSIDER}课程")
    hk_session = write_session(hk_course, starts_at=utcnow() - timedelta(days=2), department=o.housekeeping)
    write_enrolment(hk_session, o.hk_staff)
    o.next_session = write_session(course, starts_at=utcnow() + timedelta(days=2), department=o.front)
    write_enrolment(o.next_session, o.absent_staff)
    plan = TrainingPlan(department_id=o.front.id, year=today.year, status=PlanStatus.APPROVED)
    hk_plan = TrainingPlan(department_id=o.housekeeping.id, year=today.year, status=PlanStatus.APPROVED)
    db.session.add_all([plan, hk_plan])
    db.session.flush()
    quarter = quarter_number(today)
    db.session.add_all([PlanItem(plan_id=plan.id, title="消防演练", quarter=quarter),
                        PlanItem(plan_id=hk_plan.id, title=f"{OUTSIDER}计划", quarter=quarter)])
    o.plan = plan
    # this month's days before today: FO 3 present, 1 late, 1 absent (today's count too)
    earlier = [today - timedelta(days=n) for n in range(1, 4) if (today - timedelta(days=n)).month == today.month]
    for day in earlier:
        make_day(o.punched_staff, day, DayStatus.PRESENT)
    db.session.commit()
    return o
