"""What seed-demo adds for the code of conduct: a year of violations and rewards in the shift-work departments
(demo_plan decides them), inserted in bulk with the columns the workflow would have set."""
from datetime import datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.blueprints.conduct.documents import demo_texts as texts
from hrapp.blueprints.conduct.documents.demo_plan import (
    DemoPerson,
    DemoRule,
    PlannedReward,
    PlannedViolation,
    plan_rewards,
    plan_violations,
)
from hrapp.blueprints.conduct.numbering import next_number
from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.company import company_settings
from hrapp.core.pay import wage_of
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    Department,
    EmploymentStatus,
    Measure,
    RecordSource,
    Reward,
    RewardState,
    RuleKind,
    StaffMember,
    Violation,
    ViolationState,
)

# The shift-work departments (hotel front office, front desk, guest services, housekeeping; the park's customer
# service), and those whose violations the demo head records (the rest HR records).
SHIFT_DEPARTMENTS = ("HTL-FO", "HTL-FD", "HTL-GS", "HTL-HK", "PRK-CS")
HEAD_RECORDS = ("HTL-FO", "HTL-FD")


def _rules() -> dict[str, DemoRule]:
    """The catalogue's current version of every active rule, by code (the standard catalogue if it is empty)."""
    if db.session.scalar(sa.select(ConductRule.id).limit(1)) is None:
        seed_catalogue(None)
    latest = sa.select(ConductRuleVersion.rule_id, sa.func.max(ConductRuleVersion.number).label("number")) \
        .group_by(ConductRuleVersion.rule_id).subquery()
    rows = db.session.execute(
        sa.select(ConductRule.code, ConductRuleVersion).join(ConductRule, ConductRule.id == ConductRuleVersion.rule_id)
        .join(latest, sa.and_(latest.c.rule_id == ConductRuleVersion.rule_id, latest.c.number == ConductRuleVersion.number))
        .where(ConductRule.active.is_(True))).all()
    return {code: DemoRule(code, v.rule_id, v.id, penalty.RuleTerms.of(v)) for code, v in rows}


def _people(excluded: set[int]) -> list[DemoPerson]:
    rows = db.session.execute(
        sa.select(StaffMember.id, Department.code, StaffMember.hire_on, StaffMember.monthly_base_amount,
                  StaffMember.daily_wage_amount, Department.id)
        .join(Department, Department.id == StaffMember.department_id)
        .where(Department.code.in_(SHIFT_DEPARTMENTS), StaffMember.status != EmploymentStatus.LEFT)
        .order_by(StaffMember.staff_number)).all()
    # The wage history holds one record from the hire date with these amounts (hrapp.demo.seed).
    return [DemoPerson(i, code, hire_on, wage_of(monthly, daily or None).daily, department_id)
            for i, code, hire_on, monthly, daily, department_id in rows if i not in excluded]


# Every workflow column, as a violation starts (bulk rows must all carry the same keys).
UNSET = {"submitted_at": None, "respond_by": None, "acknowledged_at": None, "acknowledged_by_silence": False,
         "appeal_text": "", "appealed_at": None, "decision": "", "decision_reason": "", "decided_by_id": None,
         "decided_at": None, "second_approver_id": None, "serious": False, "witnesses": "", "idempotency_key": None,
         "version_id": 1}


def _workflow_columns(item: PlannedViolation, respond_days: int, hr_id: int, admin_id: int, now: datetime) -> dict:
    """The columns the workflow sets on the way to the planned state (times never after `now`)."""
    state, outcome, rng_minutes = item.state, item.outcome, item.occurred_at.minute
    if state in ("proposed", "draft", "dismissed"):
        return {"decision": "dismissed", "decision_reason": texts.DISMISS_REASON, "decided_by_id": None} \
            if state == "dismissed" else {}
    submitted = min(item.occurred_at + timedelta(hours=2), now)
    columns = {"submitted_at": submitted, "respond_by": (submitted + timedelta(hours=8)).date()
               + timedelta(days=respond_days)}
    appealed = item.script in ("upheld", "overturned", "appealed")
    if appealed:
        columns |= {"appeal_text": texts.APPEALS[rng_minutes % len(texts.APPEALS)],
                    "appealed_at": min(submitted + timedelta(days=1), now)}
    elif state in ("acknowledged", "final", "awaiting_second"):
        silent = rng_minutes % 3 == 0
        columns |= {"acknowledged_at": min(submitted + timedelta(days=respond_days + 1 if silent else 1), now),
                    "acknowledged_by_silence": silent}
    decided = min(submitted + timedelta(days=respond_days + 2), now)
    decision = {"upheld": ("upheld", texts.UPHELD_REASONS[rng_minutes % 2]),
                "overturned": ("overturned", texts.OVERTURNED_REASON),
                "adjusted": ("adjusted", texts.ADJUST_REASON)}.get(item.script)
    if decision is None and state == "final":
        decision = ("confirmed", "")
    if decision is None and state == "void":
        decision = ("voided", texts.VOID_REASONS[rng_minutes % 2])
    if decision is not None:
        columns |= {"decision": decision[0], "decision_reason": decision[1], "decided_by_id": hr_id,
                    "decided_at": decided}
    if state == "final" and outcome.needs_second_approval:
        columns["second_approver_id"] = admin_id
    return columns


def _violation_rows(plan: list[PlannedViolation], users: dict, now: datetime) -> list[dict]:
    respond_days = conduct_settings().respond_days
    hr_id, admin_id, head_id = users["hr"].id, users["admin"].id, users["head"].id
    numbers: dict[int, int] = {}
    rows = []
    for item in plan:
        year, outcome = item.occurred_at.year, item.outcome
        if year not in numbers:
            numbers[year] = int(next_number(Violation, "V", year).split("-")[1]) - 1
        numbers[year] += 1
        proposal = item.state in ("proposed", "dismissed") and item.rule.code == "2-3a"
        number = f"V{year}-{numbers[year]:06d}"
        rows.append({
            "number": number, "staff_id": item.person.staff_id,
            "department_id": item.person.department_id, "rule_id": item.rule.rule_id,
            "rule_version_id": item.rule.version_id, "occurred_at": item.occurred_at, "place": item.place,
            "description": item.description, "amount_involved": item.amount_involved, "minutes": item.minutes,
            "amount": outcome.amount, "points": outcome.points, "measure": Measure(outcome.measure),
            "occurrence": outcome.occurrence, "ladder_multiplier": outcome.multiplier,
            "ledger_month": item.occurred_at.strftime("%Y-%m"), "state": ViolationState(item.state),
            "source": RecordSource.ATTENDANCE if proposal else RecordSource.DEMO,
            "source_ref": f"demo-lateness-{number}" if proposal else None,
            "recorded_by_id": head_id if item.person.department in HEAD_RECORDS else hr_id,
            "created_at": item.occurred_at, "updated_at": item.occurred_at,
        } | UNSET | _workflow_columns(item, respond_days, hr_id, admin_id, now))
    return rows


def _reward_rows(plan: list[PlannedReward], users: dict) -> list[dict]:
    hr_id, head_id = users["hr"].id, users["head"].id
    numbers: dict[int, int] = {}
    rows = []
    for item in plan:
        year = item.awarded_on.year
        if year not in numbers:
            numbers[year] = int(next_number(Reward, "R", year).split("-")[1]) - 1
        numbers[year] += 1
        decided = item.state in ("approved", "rejected")
        at = datetime.combine(item.awarded_on, datetime.min.time()) + timedelta(hours=2)
        rows.append({
            "number": f"R{year}-{numbers[year]:06d}", "staff_id": item.person.staff_id,
            "department_id": item.person.department_id, "rule_id": item.rule.rule_id,
            "rule_version_id": item.rule.version_id, "kind": RuleKind(item.rule.terms.kind),
            "awarded_on": item.awarded_on, "reason": item.reason, "amount": item.amount,
            "points": item.rule.terms.points or 0, "ledger_month": item.awarded_on.strftime("%Y-%m"),
            "state": RewardState(item.state), "source": RecordSource.DEMO,
            "proposed_by_id": head_id if item.person.department in HEAD_RECORDS else hr_id,
            "decided_by_id": hr_id if decided else None, "decided_at": at + timedelta(days=2) if decided else None,
            "decision_reason": texts.REJECT_REASON if item.state == "rejected" else "", "idempotency_key": None,
            "version_id": 1, "created_at": at, "updated_at": at})
    return rows


def seed_demo(report) -> None:
    """Record the demo year of violations and rewards (see demo_plan); counts and a summary line go on the
    seed report. The escalation happens to the demo staff account's person."""
    users = report.users
    rules = _rules()
    excluded = {u.staff_id for name, u in users.items() if u.staff_id and name != "staff"}
    people = _people(excluded)
    if not people or "2-3a" not in rules:
        return
    escalated = next((p for p in people if p.staff_id == users["staff"].staff_id), people[0])
    plan = plan_violations(people, rules, report.today, report.rng, company_settings().timezone, escalated,
                           conduct_settings().second_approval_above_amount)
    now = datetime.combine(report.today, datetime.min.time()) + timedelta(hours=2)
    violations = _violation_rows(plan, users, now)
    rewards = _reward_rows(plan_rewards(people, {c: r for c, r in rules.items() if c.startswith("R-")},
                                        report.today, report.rng), users)
    # Plain executemany inserts (no ORM bookkeeping, no RETURNING), as the demo's staff are inserted.
    db.session.execute(sa.insert(Violation.__table__), violations)
    db.session.execute(sa.insert(Reward.__table__), rewards)
    report.counts.update(violations=len(violations), rewards=len(rewards))
    report.summary.append(f"Conduct: {len(violations)} violations and {len(rewards)} rewards over the last year "
                          "(shift-work departments), every workflow state, one escalation.")
