"""The reward's declared steps, on the shared workflow mechanism (hrapp.core.workflow).

draft -> proposed (the proposer submits: HR and the general manager of the person's unit are told);
proposed -> approved (HR, or the general manager of the person's unit) | rejected (the same, with a reason);
draft / proposed -> withdrawn (the proposer). The decision is told to the proposer and the person.
Nobody decides a reward for themselves or one they proposed (four eyes: HR's own proposals go to another HR
clerk or the general manager).
"""
import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import can_record_for, can_review, is_general_manager_for, root_department_id
from hrapp.core.workflow import Transition, Workflow
from hrapp.extensions import db
from hrapp.models import Reward, Role, User, department_heads
from hrapp.models import RewardState as S
from hrapp.permissions import is_self

REWARD_KIND = "conduct_reward"  # the notification kind


def is_proposer(user, reward: Reward) -> bool:
    """The proposer's steps (submit, withdraw): the account that proposed it, while it may still record for the
    person."""
    return getattr(user, "id", None) == reward.proposed_by_id and can_record_for(user, reward.staff)


def may_decide(user, reward: Reward) -> bool:
    """Approve or reject: HR, or the general manager of the person's unit; never on one's own reward or
    proposal."""
    if is_self(user, reward.staff) or getattr(user, "id", None) == reward.proposed_by_id:
        return False
    return can_review(user) or is_general_manager_for(user, reward.department)


def deciders(reward: Reward) -> list[User]:
    """Who is told of a proposal: enabled HR clerks and the enabled heads of the top department of the person's
    unit (the general manager), but not the proposer."""
    root = root_department_id(reward.department)
    users = db.session.scalars(
        sa.select(User).outerjoin(department_heads, department_heads.c.user_id == User.id)
        .where(User.is_enabled.is_(True), sa.or_(User.role == Role.HR, sa.and_(
            User.role == Role.HEAD, department_heads.c.department_id == root)))
        .order_by(User.id)).unique()
    return [u for u in users if u.id != reward.proposed_by_id and u.staff_id != reward.staff_id]


def people_told_of_decision(reward: Reward) -> list[User]:
    """The proposer and the person's own account(s)."""
    return list(db.session.scalars(sa.select(User).where(
        User.is_enabled.is_(True), sa.or_(User.id == reward.proposed_by_id, User.staff_id == reward.staff_id))
        .order_by(User.id)))


def reward_link(reward: Reward) -> str:
    return f"/conduct/rewards/{reward.id}"


def _to_deciders(reward, actor, note):  # noqa: ARG001
    return (deciders(reward), lambda: _("Reward %(number)s for %(name)s waits for your decision.",
                                        number=reward.number, name=reward.staff.display_name),
            reward_link(reward), REWARD_KIND)


def _approved(reward, actor, note):  # noqa: ARG001
    return (people_told_of_decision(reward), lambda: _("Reward %(number)s for %(name)s was approved.",
                                                       number=reward.number, name=reward.staff.display_name),
            reward_link(reward), REWARD_KIND)


def _rejected(reward, actor, note):  # noqa: ARG001
    return (people_told_of_decision(reward), lambda: _("Reward %(number)s for %(name)s was rejected: %(reason)s",
                                                       number=reward.number, name=reward.staff.display_name,
                                                       reason=note),
            reward_link(reward), REWARD_KIND)


REWARD_WORKFLOW = Workflow(
    name="reward",
    state_attr="state",
    url_args=lambda reward: {"reward_id": reward.id},
    audit_label=lambda reward: reward.number,
    transitions=(
        Transition("propose", frozenset({S.DRAFT}), S.PROPOSED, is_proposer, _l("Propose"),
                   endpoint="conduct_rewards.submit_reward", notify=_to_deciders, style="primary"),
        Transition("approve", frozenset({S.PROPOSED}), S.APPROVED, may_decide, _l("Approve"),
                   endpoint="conduct_rewards.approve_reward", notify=_approved, style="success"),
        Transition("reject", frozenset({S.PROPOSED}), S.REJECTED, may_decide, _l("Reject"),
                   endpoint="conduct_rewards.reject_reward", notify=_rejected, note_required=True,
                   style="outline-danger"),
        Transition("withdraw", frozenset({S.DRAFT, S.PROPOSED}), S.WITHDRAWN, is_proposer, _l("Withdraw"),
                   endpoint="conduct_rewards.withdraw_reward", style="outline-secondary",
                   confirm=_l("Withdraw this reward proposal?")),
    ),
)
