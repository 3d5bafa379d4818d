"""The person's response to a submitted violation: acknowledge, or appeal with their grounds, until the deadline;
after it `tick` acknowledges on their behalf (silence counts as acknowledgement)."""
from datetime import datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core import workflow
from hrapp.core.errors import StaleRecord
from hrapp.extensions import db
from hrapp.models import Violation, ViolationState, utcnow
from hrapp.period_close import PeriodClosed, closed_for

from .. import rules
from ..messages import review_problem
from . import notify
from .common import ReviewRefused, company_day, ensure_month_open, ledger_day

MAX_GROUNDS = 4000


def _refuse_if_closed_to_response(violation: Violation, now: datetime, appealing: bool) -> None:
    code = rules.response_refusal(violation.state.value, violation.respond_by, company_day(now), appealing)
    if code is not None:
        day = violation.respond_by.isoformat() if violation.respond_by else ""
        raise ReviewRefused.single("grounds" if appealing else "_form", review_problem(code, day=day))


def acknowledge_violation(actor, violation: Violation, expected_version: int, now: datetime | None = None) -> None:
    """The person accepts the violation before the deadline; the recorder and their heads are told.

    :raise ReviewRefused: already responded, or the deadline (company-local, inclusive) has passed.
    :raise TransitionForbidden: `actor` is not the person. :raise StaleRecord. :raise PeriodClosed.
    """
    now = now or utcnow()
    _refuse_if_closed_to_response(violation, now, appealing=False)
    ensure_month_open(violation)
    workflow.apply(VIOLATION_WORKFLOW, violation, "acknowledge", actor, expected_version)
    violation.acknowledged_at = now
    notify.tell_recorder_and_heads(violation, appealed=False)


def appeal_violation(actor, violation: Violation, grounds: str, expected_version: int,
                     now: datetime | None = None) -> None:
    """The person appeals with their grounds (required) before the deadline; the recorder and heads are told.

    :raise ReviewRefused: no grounds, a second appeal, or the deadline has passed.
    Raises as `acknowledge_violation` otherwise.
    """
    now = now or utcnow()
    _refuse_if_closed_to_response(violation, now, appealing=True)
    grounds = (grounds or "").strip()[:MAX_GROUNDS]
    if not grounds:
        raise ReviewRefused.single("grounds", review_problem(rules.REASON_REQUIRED))
    ensure_month_open(violation)
    workflow.apply(VIOLATION_WORKFLOW, violation, "appeal", actor, expected_version, grounds)
    violation.appeal_text, violation.appealed_at = grounds, now
    notify.tell_recorder_and_heads(violation, appealed=True)


def acknowledge_overdue(now: datetime) -> int:
    """The tick task: every submitted violation whose deadline has passed (company-local) becomes acknowledged
    by silence, audited with no actor, and the person is told. Returns how many changed.

    Idempotent: a violation another run moved first matches no row (its version changed) and is skipped; one in
    a closed month is left for HR. Never commits.
    """
    today = company_day(now)
    due = db.session.scalars(sa.select(Violation).where(
        Violation.state == ViolationState.SUBMITTED, Violation.respond_by < today).order_by(Violation.id)).all()
    changed = 0
    for violation in due:
        if closed_for("conduct", violation.department, ledger_day(violation), ledger_day(violation)):
            continue
        try:
            with db.session.begin_nested():
                workflow.apply(VIOLATION_WORKFLOW, violation, "acknowledge_by_silence", None, violation.version_id)
                violation.acknowledged_at, violation.acknowledged_by_silence = now, True
                notify.tell_person_of_silence(violation)
        except (StaleRecord, PeriodClosed):
            db.session.refresh(violation)
            continue
        changed += 1
    return changed


def remind_before_deadline(now: datetime) -> int:
    """The tick task: on the day before a submitted violation's last day to respond (company-local), the person
    is reminded once. Returns how many reminders went out; idempotent. Never commits."""
    tomorrow = company_day(now) + timedelta(days=1)
    due = db.session.scalars(sa.select(Violation).where(
        Violation.state == ViolationState.SUBMITTED, Violation.respond_by == tomorrow).order_by(Violation.id)).all()
    return sum(notify.remind_person(violation) for violation in due)
