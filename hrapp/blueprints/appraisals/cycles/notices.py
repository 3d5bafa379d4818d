"""The cycles part's notifications (each in its recipient's language): results published, a deadline extended,
reminders before a deadline and overdue notices after it. Links are plain paths (the tick runs outside requests);
an appraisal's page is the scoring part's `/appraisals/<id>`."""
from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.core.approvers import hr_users
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, User
from hrapp.notifications import notify

PUBLISHED = "appraisal.published"
DEADLINE = "appraisal.deadline"
REMINDER = "appraisal.reminder"
OVERDUE = "appraisal.overdue"
KINDS = ((PUBLISHED, _l("Appraisal result published")), (DEADLINE, _l("Appraisal deadline changed")),
         (REMINDER, _l("Appraisal reminder")), (OVERDUE, _l("Appraisal overdue")))


def appraisal_link(appraisal_id: int) -> str:
    return f"/appraisals/{appraisal_id}"


def cycle_link(cycle: AppraisalCycle) -> str:
    return f"/appraisals/cycles/{cycle.id}"


def accounts_of(staff_ids: Iterable[int]) -> dict[int, User]:
    """staff id -> their enabled account (one query)."""
    ids = list(set(staff_ids))
    if not ids:
        return {}
    return {u.staff_id: u for u in db.session.scalars(
        sa.select(User).where(User.staff_id.in_(ids), User.is_enabled.is_(True)).order_by(User.id))}


def tell_published(cycle: AppraisalCycle, appraisals: list[Appraisal]) -> int:
    """Each person whose result was just published, with a link to their appraisal."""
    accounts = accounts_of(a.staff_id for a in appraisals if a.staff_id is not None)
    name, told = cycle.name, 0
    for appraisal in appraisals:
        user = accounts.get(appraisal.staff_id)
        if user is None:
            continue
        respond_by = appraisal.respond_by.isoformat() if appraisal.respond_by else ""
        notify([user], lambda day=respond_by: _("Your appraisal result for %(cycle)s is published: acknowledge it or appeal by "
                                 "%(day)s.", cycle=name, day=day), appraisal_link(appraisal.id), PUBLISHED)
        told += 1
    return told


def tell_extended(cycle: AppraisalCycle, field: str, new_day: date, reason: str) -> int:
    """The people a deadline concerns: those still to self-assess, the scorers still to score, HR."""
    from .scorers import count_by_scorer

    name, day = cycle.name, new_day.isoformat()
    if field == "self_due_on":
        staff_ids = db.session.scalars(sa.select(Appraisal.staff_id).where(
            Appraisal.cycle_id == cycle.id, Appraisal.status == AppraisalStatus.SELF_REVIEW,
            Appraisal.staff_id.is_not(None))).all()
        users = list(accounts_of(staff_ids).values())
        text = lambda: _("The self-assessment of %(cycle)s is now due on %(day)s: %(reason)s",  # noqa: E731
                         cycle=name, day=day, reason=reason)
    elif field == "head_due_on":
        waiting = db.session.scalars(sa.select(Appraisal).where(
            Appraisal.cycle_id == cycle.id, Appraisal.status == AppraisalStatus.HEAD_REVIEW)).all()
        users = list(count_by_scorer(list(waiting)))
        text = lambda: _("The head scoring of %(cycle)s is now due on %(day)s: %(reason)s",  # noqa: E731
                         cycle=name, day=day, reason=reason)
    else:
        users = hr_users()
        text = lambda: _("The calibration of %(cycle)s is now due on %(day)s: %(reason)s",  # noqa: E731
                         cycle=name, day=day, reason=reason)
    notify(users, text, cycle_link(cycle), DEADLINE)
    return len(users)


def remind_self(cycle: AppraisalCycle, staff_ids: Iterable[int], overdue: bool) -> int:
    """The people still to self-assess: due soon, or overdue."""
    users = list(accounts_of(staff_ids).values())
    name, day = cycle.name, cycle.self_due_on.isoformat()
    if overdue:
        text = lambda: _("Your self-assessment for %(cycle)s was due on %(day)s and is missing.",  # noqa: E731
                         cycle=name, day=day)
    else:
        text = lambda: _("Please submit your self-assessment for %(cycle)s by %(day)s.",  # noqa: E731
                         cycle=name, day=day)
    notify(users, text, cycle_link(cycle), OVERDUE if overdue else REMINDER)
    return len(users)


def remind_scorer(cycle: AppraisalCycle, user: User, count: int, overdue: bool) -> None:
    """One scorer, with how many appraisals wait for them."""
    name, day = cycle.name, cycle.head_due_on.isoformat()
    if overdue:
        text = lambda: _("%(count)s appraisals of %(cycle)s you score were due on %(day)s and are not "  # noqa: E731
                         "scored yet.", count=count, cycle=name, day=day)
    else:
        text = lambda: _("%(count)s appraisals of %(cycle)s wait for your scoring, due on %(day)s.",  # noqa: E731
                         count=count, cycle=name, day=day)
    notify([user], text, cycle_link(cycle), OVERDUE if overdue else REMINDER)


def tell_hr_overdue(cycle: AppraisalCycle, stage_text, count: int) -> None:
    """HR, once per stage's deadline: how many are overdue."""
    name = cycle.name
    notify(hr_users(), lambda: _("%(cycle)s: %(count)s appraisals are overdue for %(stage)s.", cycle=name,
                                 count=count, stage=str(stage_text)), cycle_link(cycle), OVERDUE)
