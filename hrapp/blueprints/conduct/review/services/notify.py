"""Who is told what about a violation under review (the review's notification kinds)."""
from collections.abc import Iterable

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from hrapp.blueprints.conduct.access import root_department_id
from hrapp.core.approvers import department_approvers, hr_users
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Notification, Role, User, Violation, department_heads
from hrapp.notifications import notify

from ..messages import decision_label

RESPONSE = "conduct.review.response"  # the person acknowledged or appealed (to the recorder and their heads)
REFERRAL = "conduct.review.referral"  # an appeal referred to the general manager; a second approval due
DECISION = "conduct.review.decision"  # the person is told the decision and its reason
REMINDER = "conduct.review.reminder"  # the last day to respond is tomorrow
SILENCE = "conduct.review.silence"  # the deadline passed: acknowledged on the person's behalf
MEASURE_DUE = "conduct.review.measure_due"  # a final violation calls for a decision on dismissal


def violation_link(violation: Violation) -> str:
    """Where a notification about a violation points: its record page (the violations part's), which shows
    the review panel), or the review's own page while that part is not registered."""
    if "conduct_violations.show_violation" in current_app.view_functions:
        return f"/conduct/violations/{violation.id}"
    return f"/conduct/review/violations/{violation.id}"


def _enabled(users: Iterable[User], but: Violation | None = None) -> list[User]:
    seen, found = set(), []
    for user in users:
        if user is None or not user.is_enabled or user.id in seen:
            continue
        if but is not None and user.staff_id == but.staff_id:
            continue  # never tell the person through the channel meant for the reviewers
        seen.add(user.id)
        found.append(user)
    return found


def person_accounts(violation: Violation) -> list[User]:
    """The enabled accounts of the person the violation is about."""
    return list(db.session.scalars(sa.select(User).where(User.staff_id == violation.staff_id,
                                                         User.is_enabled.is_(True)).order_by(User.id)))


def general_managers(violation: Violation) -> list[User]:
    """Enabled heads of the top department of the person's unit (access.is_general_manager_for)."""
    root = root_department_id(violation.department)
    return list(db.session.scalars(
        sa.select(User).join(department_heads, department_heads.c.user_id == User.id)
        .where(department_heads.c.department_id == root, User.role == Role.HEAD, User.is_enabled.is_(True))
        .order_by(User.id)))


def tell_recorder_and_heads(violation: Violation, appealed: bool) -> None:
    """The recorder and the person's heads (up the tree; HR when there is none) learn of the response."""
    users = _enabled([violation.recorded_by, *department_approvers(violation.department)], but=violation)
    name, number = violation.staff.display_name, violation.number
    if appealed:
        text = lambda: _("%(name)s appealed violation %(number)s.", name=name, number=number)  # noqa: E731
    else:
        text = lambda: _("%(name)s acknowledged violation %(number)s.", name=name, number=number)  # noqa: E731
    notify(users, text, violation_link(violation), kind=RESPONSE)


def tell_person_of_silence(violation: Violation) -> None:
    """The person learns the deadline passed and the violation counts as acknowledged."""
    number = violation.number
    notify(person_accounts(violation), lambda: _(
        "The deadline to respond to violation %(number)s passed; it counts as acknowledged.", number=number),
        violation_link(violation), kind=SILENCE)


def remind_person(violation: Violation) -> int:
    """Remind the person, once, that tomorrow is the last day to respond (accounts already reminded of this
    violation are skipped, so a second run sends nothing). Returns how many were reminded."""
    link = violation_link(violation)
    reminded = set(db.session.scalars(sa.select(Notification.user_id).where(
        Notification.kind == REMINDER, Notification.link == link)))
    users = [u for u in person_accounts(violation) if u.id not in reminded]
    number, day = violation.number, violation.respond_by
    notify(users, lambda: _("Tomorrow (%(day)s) is the last day to acknowledge or appeal violation %(number)s.",
                            day=day.isoformat(), number=number), link, kind=REMINDER)
    return len(users)


def tell_person_of_decision(violation: Violation) -> None:
    """The person learns the decision and its reason (in their own language)."""
    number, reason, decision = violation.number, violation.decision_reason, violation.decision
    notify(person_accounts(violation), lambda: _("Violation %(number)s: %(decision)s. Reason: %(reason)s",
                                                 number=number, decision=decision_label(decision), reason=reason),
           violation_link(violation), kind=DECISION)


def tell_general_managers(violation: Violation, users: list[User]) -> None:
    """The general manager(s) are asked to decide a referred appeal."""
    number = violation.number
    notify(users, lambda: _("HR referred the appeal against violation %(number)s to you for a decision.",
                            number=number), violation_link(violation), kind=REFERRAL)


def ask_second_approval(violation: Violation, first) -> None:
    """HR (other than the first reviewer) and the unit's general managers are asked for the second approval."""
    users = [u for u in _enabled([*hr_users(), *general_managers(violation)], but=violation)
             if u.id != getattr(first, "id", None)]
    number, amount = violation.number, f"{violation.amount:,.2f}"
    notify(users, lambda: _("Violation %(number)s (%(amount)s) is above the company cap and needs a second "
                            "approval.", number=number, amount=amount), violation_link(violation), kind=REFERRAL)


def tell_hr_measure_due(violation: Violation) -> None:
    """HR learns a final violation calls for a decision on the measure (dismissal review, dismissal)."""
    number, name, measure = violation.number, violation.staff.display_name, violation.measure
    notify(hr_users(), lambda: _("Violation %(number)s of %(name)s is final with the measure \"%(measure)s\": a "
                                 "decision on the measure is due.", number=number, name=name,
                                 measure=label(measure)), violation_link(violation), kind=MEASURE_DUE)
