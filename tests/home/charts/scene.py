"""A small scene for the charts (tests and the browser seed): last month's attendance, violations, rewards, an
appraisal cycle's results and a training plan with a session, for a person of each of two departments.

`write_scene(first, second, hr_user)` writes rows for two staff members (in different departments) and returns
what it wrote as a namespace, so that tests can compute the expected figures from it.
"""
from datetime import datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

from hrapp.blueprints.training.rules import add_months
from hrapp.company import company_today, utc_of_local
from hrapp.extensions import db
from hrapp.models import (
    AppraisalStatus,
    AttendanceDay,
    ConductRule,
    ConductRuleVersion,
    DayStatus,
    EnrolmentStatus,
    Grade,
    PlanItem,
    PlanStatus,
    Presence,
    Reward,
    RewardState,
    RuleCategory,
    RuleKind,
    ShiftType,
    StaffMember,
    TrainingPlan,
    Violation,
    ViolationState,
)
from tests.appraisals.fixtures import write_appraisal, write_cycle, write_template
from tests.training.fixtures import write_course, write_enrolment, write_session


def _rule(code: str, kind: RuleKind, title: str) -> ConductRule:
    category = RuleCategory.REWARD if kind == RuleKind.BONUS else RuleCategory.PENALTY
    rule = ConductRule(code=code, category=category)
    ConductRuleVersion(rule=rule, number=1, title_zh=title, title_en="", kind=kind)
    db.session.add(rule)
    return rule


def _day(staff: StaffMember, day, status: DayStatus, shift: ShiftType | None, late: int = 0) -> AttendanceDay:
    row = AttendanceDay(staff_id=staff.id, day=day, department_id=staff.department_id, status=status,
                        shift_type_id=getattr(shift, "id", None), late_minutes=late)
    db.session.add(row)
    return row


def _violation(staff, rule, month: str, amount: str, state=ViolationState.FINAL, n: int = 0) -> Violation:
    row = Violation(number=f"VCH-{staff.id}-{n}", staff_id=staff.id, department_id=staff.department_id, rule=rule,
                    rule_version=rule.versions[0], occurred_at=datetime.fromisoformat(f"{month}-10 02:00"),
                    amount=Decimal(amount), state=state, ledger_month=month)
    db.session.add(row)
    return row


def _reward(staff, rule, month_first, amount: str, state=RewardState.APPROVED, n: int = 0) -> Reward:
    row = Reward(number=f"RCH-{staff.id}-{n}", staff_id=staff.id, department_id=staff.department_id, rule=rule,
                 rule_version=rule.versions[0], kind=RuleKind.BONUS, awarded_on=month_first + timedelta(days=11),
                 amount=Decimal(amount), state=state, ledger_month=month_first.strftime("%Y-%m"))
    db.session.add(row)
    return row


def write_scene(first: StaffMember, second: StaffMember, prefix: str = "CH",
                template_department_id: int | None = None) -> SimpleNamespace:
    """Last month's figures for `first` and `second` (each in their own department); the appraisal template is
    company-wide unless `template_department_id` is given. Commits."""
    today = company_today()
    month = add_months(today.replace(day=1), -1)
    name = month.strftime("%Y-%m")
    shift = ShiftType(department_id=first.department_id, code=f"{prefix}A", name="早班", name_en="Early")
    db.session.add(shift)
    db.session.flush()
    monday = month + timedelta(days=(7 - month.weekday()) % 7)
    _day(first, monday, DayStatus.LATE, shift, late=12)
    _day(first, monday + timedelta(days=1), DayStatus.PRESENT, shift)
    _day(first, monday + timedelta(days=2), DayStatus.ABSENT, shift)
    _day(first, monday + timedelta(days=3), DayStatus.LEAVE, shift)
    _day(second, monday, DayStatus.PRESENT, None)
    _day(second, monday + timedelta(days=1), DayStatus.MISSING_PUNCH, None)
    _day(second, monday + timedelta(days=7), DayStatus.LATE, None, late=5)
    fine = _rule(f"{prefix}-1", RuleKind.FINE_RANGE, "迟到")
    compensation = _rule(f"{prefix}-2", RuleKind.COMPENSATION, "损坏赔偿")
    bonus = _rule(f"{prefix}-R", RuleKind.BONUS, "好人好事")
    _violation(first, fine, name, "50.00", n=1)
    _violation(first, fine, name, "20.00", state=ViolationState.DRAFT, n=2)  # not on the ledger
    _violation(first, compensation, name, "300.00", n=3)  # compensation: not a fine
    _violation(second, fine, name, "30.50", n=4)
    _reward(first, bonus, month, "200.00", n=1)
    _reward(second, bonus, month, "80.00", state=RewardState.PROPOSED, n=2)  # not approved
    template = write_template(code=f"{prefix}-T", department_id=template_department_id)
    cycle = write_cycle(name=f"{prefix}-cycle", first_on=add_months(month, -2))
    cycle.first_on, cycle.last_on = add_months(month, -2), add_months(month, 1) - timedelta(days=1)
    write_appraisal(cycle, first, template, status=AppraisalStatus.SCORED, total=Decimal("95"), grade=Grade.EXCELLENT)
    write_appraisal(cycle, second, template, status=AppraisalStatus.PUBLISHED, total=Decimal("75"),
                    grade=Grade.PASS)
    year, quarter = month.year, (month.month - 1) // 3 + 1
    plan = TrainingPlan(department_id=first.department_id, year=year, status=PlanStatus.APPROVED)
    plan.items.append(PlanItem(title="服务礼仪", quarter=quarter, people=3, hours=Decimal("4")))
    db.session.add(plan)
    course = write_course(code=f"{prefix}-C")
    session = write_session(course, starts_at=utc_of_local(datetime.combine(monday, time(9))), hours=2)
    write_enrolment(session, first, EnrolmentStatus.ENROLLED, Presence.PRESENT)
    write_enrolment(session, second, EnrolmentStatus.ENROLLED, Presence.ABSENT)
    db.session.commit()
    return SimpleNamespace(month=name, month_first=month, monday=monday, shift=shift, cycle=cycle, plan=plan,
                           quarter=(year, quarter), fine_rule=fine, session=session)
