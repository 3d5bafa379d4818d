"""Improvement plans after confirmation: the review (met / not met, with a note, on or after the review date) and
`tick`'s reminder to the heads a few days before it. Never commits; the actor is passed in."""
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from hrapp import audit
from hrapp.blueprints.appraisals.workflow import audit_label
from hrapp.company import company_today, local_day
from hrapp.core.approvers import department_approvers
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalReminder, ImprovementPlan, ImprovementStatus, utcnow
from hrapp.notifications import notify

from . import rules

REVIEW_KIND = "appraisal_plan_review"
REMINDER_KEY = "plan_review"
REVIEW_FIELDS = ("status", "review_note")
MESSAGES = {
    "not_open": _l("This plan has already been reviewed."),
    "too_early": _l("The plan can be reviewed from %(day)s."),
    "result": _l("Choose whether the goals were met."),
    "note": _l("Please give a note."),
}


def plan_link(plan: ImprovementPlan) -> str:
    """The plan's page (a plain path: `tick` sends reminders outside any request)."""
    return f"/appraisals/improvement-plans/{plan.id}"


def review_plan(actor, plan: ImprovementPlan, expected_version: int | None, result: str, note: str) -> ImprovementPlan:
    """Record the plan's review: MET or NOT_MET, with a note, on or after its review date.

    :raise StaleRecord: the plan changed since the page was loaded.
    :raise ValidationFailed: reviewed already or too early (`_form`), no result (`result`), no note (`note`).
    """
    check_version(plan, expected_version)
    if plan.status != ImprovementStatus.OPEN:
        raise ValidationFailed.single("_form", MESSAGES["not_open"])
    if not rules.may_review(plan.review_on, company_today()):
        raise ValidationFailed.single("_form", str(MESSAGES["too_early"]) % {"day": plan.review_on.isoformat()})
    errors = {}
    if result not in (ImprovementStatus.MET.value, ImprovementStatus.NOT_MET.value):
        errors["result"] = [MESSAGES["result"]]
    note = (note or "").strip()
    if not note:
        errors["note"] = [MESSAGES["note"]]
    if errors:
        raise ValidationFailed(errors)
    before = audit.snapshot(plan, REVIEW_FIELDS)
    plan.status, plan.review_note = ImprovementStatus(result), note
    plan.reviewed_by_id, plan.reviewed_at = actor.id, utcnow()
    db.session.flush()
    audit.record(actor, "appraisal.plan_review", plan, before, audit.snapshot(plan, REVIEW_FIELDS),
                 label=audit_label(plan.appraisal))
    return plan


def _claim_reminder(plan: ImprovementPlan) -> bool:
    """Keep the reminder of `plan` once (the reminders' unique key): False when it was sent already."""
    try:
        with db.session.begin_nested():
            db.session.add(AppraisalReminder(cycle_id=plan.appraisal.cycle_id, appraisal_id=plan.appraisal_id,
                                             key=REMINDER_KEY))
    except IntegrityError:
        return False
    return True


def _remind(plan: ImprovementPlan) -> None:
    name, number, day = plan.staff.name_zh, plan.staff.staff_number, plan.review_on.isoformat()
    notify(department_approvers(plan.staff.department),
           lambda: _("The improvement plan of %(name)s (%(number)s) is due for review on %(day)s.",
                     name=name, number=number, day=day),
           link=plan_link(plan), kind=REVIEW_KIND)


def remind_reviews(now: datetime) -> int:
    """`tick`: remind the heads of each open plan whose review date is a few days off (or passed), once.
    Returns how many plans were reminded."""
    today = local_day(now)
    sent = {row for row in db.session.scalars(sa.select(AppraisalReminder.appraisal_id)
                                              .where(AppraisalReminder.key == REMINDER_KEY))}
    plans = db.session.scalars(
        sa.select(ImprovementPlan).options(joinedload(ImprovementPlan.staff), joinedload(ImprovementPlan.appraisal)
                                           .joinedload(Appraisal.cycle))
        .where(ImprovementPlan.status == ImprovementStatus.OPEN).order_by(ImprovementPlan.id)).unique()
    count = 0
    for plan in plans:
        if plan.appraisal_id in sent or not rules.reminder_due(plan.review_on, today) or not _claim_reminder(plan):
            continue
        _remind(plan)
        count += 1
    return count
