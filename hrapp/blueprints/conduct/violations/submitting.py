"""The submit step: a draft goes to the person, who may acknowledge or appeal until `respond_by`; they are told."""
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.company import company_today, local_day
from hrapp.core import workflow
from hrapp.extensions import db
from hrapp.models import User, Violation, utcnow
from hrapp.notifications import notify
from hrapp.period_close import ensure_open

NOTIFICATION_KIND = "conduct.violation"
RECORD_PATH = "/conduct/violations/{id}"


def record_path(violation: Violation) -> str:
    """The record page's path (also outside a request: proposals come from jobs)."""
    return RECORD_PATH.format(id=violation.id)


def _accounts_of(violation: Violation) -> list[User]:
    return list(db.session.scalars(sa.select(User).where(User.staff_id == violation.staff_id,
                                                         User.is_enabled.is_(True))))


def submit_violation(actor, violation: Violation, expected_version: int) -> None:
    """Submit a draft: state submitted, `submitted_at` now, `respond_by` today (company-local) + the settings'
    respond days; the person's accounts are notified.

    :raise TransitionRefused / TransitionForbidden / StaleRecord: as hrapp.core.workflow.check.
    :raise PeriodClosed: the violation's month is closed for its department.
    """
    workflow.check(VIOLATION_WORKFLOW, violation, "submit", actor, expected_version)
    ensure_open("conduct", violation.department, local_day(violation.occurred_at))
    respond_by = company_today() + timedelta(days=conduct_settings().respond_days)
    # The step first: setting the columns before it would let a query's autoflush bump the version it checks.
    workflow.apply(VIOLATION_WORKFLOW, violation, "submit", actor, expected_version,
                   details={"respond_by": respond_by.isoformat()})
    violation.submitted_at, violation.respond_by = utcnow(), respond_by
    number, amount, rule = violation.number, violation.amount, violation.rule.code
    notify(_accounts_of(violation),
           lambda: _("Violation %(number)s (rule %(rule)s, %(amount)s yuan) was recorded for you; acknowledge or "
                     "appeal by %(day)s.", number=number, rule=rule, amount=amount, day=respond_by.isoformat()),
           record_path(violation), kind=NOTIFICATION_KIND)
