"""HR's resolutions of a month flagged by the legal guard rail: lower amounts, defer violations to the next
month, or accept the month with an override. Each needs a reason, is audited, refuses a stale page and a
closed month, and leaves one LedgerResolution row per person and month saying what was done last. After an
adjustment or a deferral the flag clears by itself once the month is within the limits (the ledger is always
computed); an override accepts the deductions as they stand. Services never commit; the actor is passed in.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp import audit
from hrapp.blueprints.conduct.messages import problem_text
from hrapp.core.errors import StaleRecord, check_version
from hrapp.core.periods import Period
from hrapp.core.validation import FORM, ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    LedgerResolution,
    LedgerResolutionKind,
    StaffMember,
    Violation,
    ViolationState,
    utcnow,
)
from hrapp.period_close import ensure_open

from . import rules
from .queries import LedgerLine, person_line

MODULE = "conduct"


class LedgerError(ValidationFailed):
    """A resolution that cannot be made (field -> messages); nothing was changed."""


@dataclass(frozen=True)
class Change:
    """One violation a form names: its id, the version the page showed and (adjust) the new amount."""

    violation_id: int
    expected_version: int
    amount: Decimal | None = None


def _resolvable(staff: StaffMember, month: Period) -> LedgerLine:
    line = person_line(staff, month)
    if line is None or not line.flags:
        raise LedgerError.single(FORM, _("This month is within the limits: there is nothing to resolve."))
    return line


def _violations(staff: StaffMember, month: Period, changes: Sequence[Change]) -> list[Violation]:
    """The person's final violations of the month the changes name, each checked against its version."""
    if not changes:
        raise LedgerError.single(FORM, _("Choose at least one violation."))
    ids = [c.violation_id for c in changes]
    found = {v.id: v for v in db.session.scalars(sa.select(Violation).where(
        Violation.id.in_(ids), Violation.staff_id == staff.id, Violation.ledger_month == month.name,
        Violation.state == ViolationState.FINAL))}
    if set(ids) - found.keys():
        raise LedgerError.single(FORM, _("A chosen violation is no longer a final violation of this month."))
    for change in changes:
        check_version(found[change.violation_id], change.expected_version)
    return [found[c.violation_id] for c in changes]


def _ensure_open(staff: StaffMember, violations: Sequence[Violation], *months: Period) -> None:
    """:raise PeriodClosed: a month written lies in a closed conduct period of the person's department or of
    a violation's department."""
    departments = {staff.department_id: staff.department} | {v.department_id: v.department for v in violations}
    for department in departments.values():
        ensure_open(MODULE, department, [m.first for m in months])


def _amount_problem(code: str) -> str:
    if code == rules.ABOVE_RECORDED:
        return _("The new amount must not be above the recorded one.")
    return problem_text(code)


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise LedgerError.single("reason", _("Give a reason."))
    return reason


def _resolve(actor, staff: StaffMember, month: Period, kind: LedgerResolutionKind, reason: str,
             details: dict, resolution: LedgerResolution | None = None) -> LedgerResolution:
    """Write (or rewrite) the person's resolution of the month with today's deductions, audited."""
    resolution = resolution or db.session.scalar(sa.select(LedgerResolution).where(
        LedgerResolution.staff_id == staff.id, LedgerResolution.month == month.name))
    before = None if resolution is None else {
        "kind": resolution.kind.value, "reason": resolution.reason,
        "deductions_amount": str(resolution.deductions_amount)}
    db.session.flush()  # the changed violations count in today's deductions
    line = person_line(staff, month)
    if resolution is None:
        resolution = LedgerResolution(staff_id=staff.id, month=month.name)
        db.session.add(resolution)
    resolution.kind, resolution.reason = kind, reason
    resolution.deductions_amount = line.figures.deductions if line is not None else rules.ZERO
    resolution.resolved_by_id, resolution.resolved_at = getattr(actor, "id", None), utcnow()
    audit.record(actor, f"conduct_ledger.{kind.value}", resolution, before,
                 {"kind": kind.value, "reason": reason, "month": month.name,
                  "deductions_amount": str(resolution.deductions_amount), **details},
                 label=f"{staff.staff_number} {month.name}")
    return resolution


def adjust_amounts(actor, staff: StaffMember, month: Period, changes: Sequence[Change],
                   reason: str) -> LedgerResolution:
    """Lower the amounts of some of `staff`'s final violations of `month` (each new amount a valid amount, not
    negative, not above the recorded one; unchanged amounts are left alone), with a reason.

    :raise LedgerError: no flag on the month, no reason, no amount lowered, a bad amount, a violation not of
        this month. :raise StaleRecord: a violation changed since the page. :raise PeriodClosed: month closed.
    """
    _ensure_open(staff, [], month)
    _resolvable(staff, month)
    reason = _reason(reason)
    violations = _violations(staff, month, changes)
    _ensure_open(staff, violations, month)
    problems, lowered = [], {}
    for violation, change in zip(violations, changes, strict=True):
        code = rules.adjustment_problem(violation.amount, change.amount) if change.amount is not None else None
        if code:
            problems.append(f"{violation.number}: {_amount_problem(code)}")
        elif change.amount is not None and change.amount != violation.amount:
            lowered[violation] = change.amount
    if problems:
        raise LedgerError({FORM: problems})
    if not lowered:
        raise LedgerError.single(FORM, _("Lower at least one amount."))
    for violation, amount in lowered.items():
        audit.record(actor, "violation.ledger_adjust", violation, {"amount": str(violation.amount)},
                     {"amount": str(amount), "reason": reason}, label=violation.number)
        violation.amount = amount
    return _resolve(actor, staff, month, LedgerResolutionKind.ADJUSTED, reason,
                    {"violations": [v.number for v in lowered]})


def defer_violations(actor, staff: StaffMember, month: Period, changes: Sequence[Change],
                     reason: str) -> LedgerResolution:
    """Move the chosen final violations of `staff`'s `month` to the next month's ledger, with a reason.

    :raise LedgerError: no flag, no reason, nothing chosen, a violation not of this month.
    :raise StaleRecord: a violation changed since the page. :raise PeriodClosed: this or the next month closed.
    """
    _ensure_open(staff, [], month)
    _resolvable(staff, month)
    reason = _reason(reason)
    violations = _violations(staff, month, changes)
    following = month.next()
    _ensure_open(staff, violations, month, following)
    for violation in violations:
        audit.record(actor, "violation.ledger_defer", violation, {"ledger_month": violation.ledger_month},
                     {"ledger_month": following.name, "reason": reason}, label=violation.number)
        violation.ledger_month = following.name
    return _resolve(actor, staff, month, LedgerResolutionKind.DEFERRED, reason,
                    {"violations": [v.number for v in violations], "ledger_month": following.name})


def override_month(actor, staff: StaffMember, month: Period, expected_version: int, reason: str) -> LedgerResolution:
    """Accept `staff`'s flagged `month` as it stands, with a reason (covers today's deductions; a fine added
    later flags the month again). `expected_version` is the version of the resolution the page showed (0: none).

    :raise LedgerError: no flag, no reason. :raise StaleRecord: resolved by someone else meanwhile.
    :raise PeriodClosed: the month is closed.
    """
    _ensure_open(staff, [], month)
    _resolvable(staff, month)
    reason = _reason(reason)
    resolution = db.session.scalar(sa.select(LedgerResolution).where(
        LedgerResolution.staff_id == staff.id, LedgerResolution.month == month.name))
    if (resolution.version_id if resolution is not None else 0) != expected_version:
        raise StaleRecord()
    return _resolve(actor, staff, month, LedgerResolutionKind.OVERRIDE, reason, {}, resolution)
