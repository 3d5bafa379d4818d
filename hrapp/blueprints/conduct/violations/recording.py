"""Recording a violation: the checks (access, dates, the closed month, the rule), the amount from penalty.py with
the person's earlier occurrences and the day's wage, and the row itself; proposals from other modules.

Services never commit and take the actor as an argument. `occurred_at` is naive UTC (the column's convention);
the day a violation belongs to (hire, leaving, the closed month, the ledger month) is its company-local date.
"""
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from hrapp import audit
from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.access import can_record_for
from hrapp.blueprints.conduct.messages import problem_texts
from hrapp.blueprints.conduct.numbering import next_number
from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.blueprints.conduct.violations.submitting import submit_violation
from hrapp.company import local_day
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    Measure,
    RecordSource,
    RuleCategory,
    StaffMember,
    Violation,
    ViolationState,
    utcnow,
)
from hrapp.pay import wage_on
from hrapp.period_close import PeriodClosed, ensure_open

# States that do not count as an earlier occurrence of the rule.
NOT_COUNTED = (ViolationState.VOID, ViolationState.DISMISSED, ViolationState.PROPOSED, ViolationState.DRAFT)
AUDIT_FIELDS = ("number", "staff_id", "department_id", "rule_id", "rule_version_id", "occurred_at", "place",
                "serious", "amount_involved", "minutes", "amount", "points", "measure", "occurrence",
                "ladder_multiplier", "ledger_month", "state", "source")
MESSAGES = {
    "not_recordable": _l("You may not record a violation for this person (never for yourself; a head only for "
                         "the staff of their departments, not for fellow heads)."),
    "future": _l("The time lies in the future."),
    "before_hire": _l("The person was not hired yet on that day."),
    "after_leaving": _l("The person had already left on that day."),
    "no_rule": _l("Choose an active penalty rule of the catalogue."),
}


@dataclass(frozen=True)
class Inputs:
    """What the recorder enters beyond who, which rule and when (see penalty.PenaltyInput)."""

    amount: Decimal | None = None
    amount_involved: Decimal | None = None
    minutes: int | None = None
    serious: bool = False


@dataclass(frozen=True)
class Assessment:
    """The checked outcome of a violation before it is stored: the rule version, the amounts, the local day."""

    version: ConductRuleVersion
    outcome: penalty.PenaltyOutcome
    day: date


def current_version(rule: ConductRule | None) -> ConductRuleVersion | None:
    """The version in force of an active penalty rule, or None."""
    if rule is None or not rule.active or rule.category != RuleCategory.PENALTY:
        return None
    return db.session.scalar(sa.select(ConductRuleVersion).where(ConductRuleVersion.rule_id == rule.id)
                             .order_by(ConductRuleVersion.number.desc()).limit(1))


def prior_occurrences(staff: StaffMember, rule: ConductRule, occurred_at: datetime, lookback_days: int | None,
                      exclude_id: int | None = None) -> int:
    """How many counted violations of `rule` by `staff` happened within `lookback_days` before `occurred_at`."""
    if not lookback_days:
        return 0
    query = sa.select(sa.func.count()).select_from(Violation).where(
        Violation.staff_id == staff.id, Violation.rule_id == rule.id, Violation.state.not_in(NOT_COUNTED),
        Violation.occurred_at < occurred_at, Violation.occurred_at >= occurred_at - timedelta(days=lookback_days))
    if exclude_id is not None:
        query = query.where(Violation.id != exclude_id)
    return db.session.scalar(query) or 0


def _date_problems(staff: StaffMember, occurred_at: datetime, day: date) -> list:
    if occurred_at > utcnow():
        return [MESSAGES["future"]]
    if day < staff.hire_on:
        return [MESSAGES["before_hire"]]
    if staff.left_on is not None and day > staff.left_on:
        return [MESSAGES["after_leaving"]]
    try:
        ensure_open("conduct", staff.department, day)
    except PeriodClosed as exc:
        return [str(exc)]
    return []


def outcome_for(staff: StaffMember, rule: ConductRule, version: ConductRuleVersion, occurred_at: datetime,
                day: date, inputs: Inputs, exclude_id: int | None = None) -> penalty.PenaltyOutcome:
    """penalty.assess with the person's earlier occurrences, the day's wage and the company settings."""
    terms = penalty.RuleTerms.of(version)
    settings = conduct_settings()
    wage = wage_on(staff, day) if terms.kind == penalty.DAILY_WAGE_MULTIPLE else None
    return penalty.assess(terms, penalty.PenaltyInput(
        amount=inputs.amount, amount_involved=inputs.amount_involved, minutes=inputs.minutes, serious=inputs.serious,
        daily_wage=wage.daily if wage else None,
        prior_occurrences=prior_occurrences(staff, rule, occurred_at, terms.lookback_days, exclude_id),
        second_approval_above=settings.second_approval_above_amount, fines_enabled=settings.fines_enabled))


def assess_violation(actor, staff: StaffMember | None, rule: ConductRule | None, occurred_at: datetime | None,
                     inputs: Inputs, exclude_id: int | None = None, check_access: bool = True) -> Assessment:
    """Every check of a violation at once, changing nothing; the check step shows its outcome.

    :raise ValidationFailed: field -> messages for "staff", "rule", "occurred_at", "amount", "amount_involved",
        "minutes", "serious" (all problems found, not only the first).
    """
    errors: dict[str, list] = {}
    if staff is None or (check_access and not can_record_for(actor, staff)):
        errors["staff"] = [MESSAGES["not_recordable"]]
    version = current_version(rule)
    if version is None:
        errors["rule"] = [MESSAGES["no_rule"]]
    day = local_day(occurred_at) if occurred_at is not None else None
    if staff is not None and occurred_at is not None and (problems := _date_problems(staff, occurred_at, day)):
        errors["occurred_at"] = problems
    outcome = None
    if staff is not None and version is not None and occurred_at is not None:
        outcome = outcome_for(staff, rule, version, occurred_at, day, inputs, exclude_id)
        for name, messages in problem_texts(outcome.problems).items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationFailed(errors)
    return Assessment(version, outcome, day)


def fill(violation: Violation, assessment: Assessment, inputs: Inputs) -> None:
    """Put the assessed amounts and the inputs on the row."""
    outcome = assessment.outcome
    violation.rule_version = assessment.version
    violation.amount_involved, violation.minutes, violation.serious = inputs.amount_involved, inputs.minutes, \
        inputs.serious
    violation.amount, violation.points, violation.measure = outcome.amount, outcome.points, Measure(outcome.measure)
    violation.occurrence, violation.ladder_multiplier = outcome.occurrence, outcome.multiplier
    violation.ledger_month = assessment.day.strftime("%Y-%m")


def find_by_key(actor, idempotency_key: str | None) -> Violation | None:
    """The violation `actor` already recorded with `idempotency_key`, or None."""
    if not idempotency_key or getattr(actor, "id", None) is None:
        return None
    return db.session.scalar(sa.select(Violation).where(Violation.recorded_by_id == actor.id,
                                                        Violation.idempotency_key == idempotency_key))


def _insert(violation: Violation, winner) -> Violation:
    """Flush the new row in a savepoint; a twin that won the race on a unique key (`winner()` finds it) is
    returned instead. :raise IntegrityError: another constraint refused the row."""
    try:
        with db.session.begin_nested():
            db.session.add(violation)
            db.session.flush()
    except IntegrityError:
        found = winner()
        if found is None:
            raise
        return found
    return violation


def record_violation(actor, staff: StaffMember, rule: ConductRule, occurred_at: datetime, *, amount=None,
                     amount_involved=None, minutes=None, serious=False, place="", description="", witnesses="",
                     source=RecordSource.WEB, idempotency_key=None, submit=False) -> Violation:
    """Record a violation by `staff` of `rule` at `occurred_at` (naive UTC) as `actor`; a draft, or submitted
    (the person is told) with `submit`. With an `idempotency_key` already used by `actor`, the first record is
    returned and nothing changes (also when a concurrent twin wins the race).

    :raise ValidationFailed: any check of `assess_violation` (nothing stored).
    """
    return record_or_replay(actor, staff, rule, occurred_at, amount=amount, amount_involved=amount_involved,
                            minutes=minutes, serious=serious, place=place, description=description,
                            witnesses=witnesses, source=source, idempotency_key=idempotency_key, submit=submit)[0]


def record_or_replay(actor, staff: StaffMember, rule: ConductRule, occurred_at: datetime, *, amount=None,
                     amount_involved=None, minutes=None, serious=False, place="", description="", witnesses="",
                     source=RecordSource.WEB, idempotency_key=None, submit=False) -> tuple[Violation, bool]:
    """`record_violation`, also saying whether the violation was created now (False: a replay of the key)."""
    if (existing := find_by_key(actor, idempotency_key)) is not None:
        return existing, False
    inputs = Inputs(amount, amount_involved, minutes, bool(serious))
    assessment = assess_violation(actor, staff, rule, occurred_at, inputs)
    violation = Violation(
        number=next_number(Violation, "V", assessment.day.year), staff=staff, department_id=staff.department_id,
        rule=rule, occurred_at=occurred_at, place=(place or "").strip()[:120],
        description=(description or "").strip(), witnesses=(witnesses or "").strip()[:255],
        state=ViolationState.DRAFT, source=source, idempotency_key=idempotency_key or None,
        recorded_by_id=getattr(actor, "id", None))
    fill(violation, assessment, inputs)
    stored = _insert(violation, lambda: find_by_key(actor, idempotency_key))
    if stored is not violation:
        return stored, False
    audit.record(actor, "violation.record", violation, None, audit.snapshot(violation, AUDIT_FIELDS),
                 label=violation.number)
    if submit:
        submit_violation(actor, violation, violation.version_id)
    return violation, True


def _by_source(source: RecordSource, source_ref: str) -> Violation | None:
    return db.session.scalar(sa.select(Violation).where(Violation.source == source,
                                                        Violation.source_ref == source_ref))


def propose_violation(staff: StaffMember, rule_code: str, occurred_at: datetime, *,
                      source=RecordSource.ATTENDANCE, source_ref: str, minutes=None, description="") -> Violation:
    """A violation another module proposes (attendance: a lateness, an absence) for the person's head to confirm
    or dismiss; idempotent by (source, source_ref): a second call returns the first proposal. The amount is
    computed as far as the inputs allow (the head confirms it).

    :raise ValidationFailed: no active penalty rule `rule_code`, or `occurred_at` in the future.
    """
    if (existing := _by_source(source, source_ref)) is not None:
        return existing
    rule = db.session.scalar(sa.select(ConductRule).where(ConductRule.code == rule_code))
    version = current_version(rule)
    if version is None:
        raise ValidationFailed.single("rule", MESSAGES["no_rule"])
    if occurred_at > utcnow():
        raise ValidationFailed.single("occurred_at", MESSAGES["future"])
    day = local_day(occurred_at)
    inputs = Inputs(minutes=minutes)
    outcome = outcome_for(staff, rule, version, occurred_at, day, inputs)
    violation = Violation(
        number=next_number(Violation, "V", day.year), staff=staff, department_id=staff.department_id, rule=rule,
        occurred_at=occurred_at, description=(description or "").strip(), state=ViolationState.PROPOSED,
        source=source, source_ref=source_ref)
    fill(violation, Assessment(version, outcome, day), inputs)
    if not outcome.ok:  # the head completes the inputs when confirming
        violation.amount, violation.points = Decimal("0.00"), Decimal("0.0")
    stored = _insert(violation, lambda: _by_source(source, source_ref))
    if stored is violation:
        audit.record(None, "violation.propose", violation, None, audit.snapshot(violation, AUDIT_FIELDS),
                     label=violation.number)
    return stored
