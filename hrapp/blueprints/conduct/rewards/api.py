"""Reward endpoints: the rewards the token's user may see, a proposal (heads and HR), and one's own rewards.

`POST /api/v1/rewards` takes an optional `Idempotency-Key` header: the (proposer, key) pair is unique in the
database, so a retry, or a twin request racing the first, gets the first reward back (200) instead of a second
one; a key already used by someone else is theirs only.
"""
from flask import url_for
from flask_smorest import abort

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.api.idempotency import IDEMPOTENCY_PARAMETER, create_once, request_key
from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.rewards.schemas import (
    MyRewardListSchema,
    RewardCreateSchema,
    RewardListArgs,
    RewardPageSchema,
    RewardSchema,
)
from hrapp.blueprints.conduct.rewards.services import (
    RewardDraft,
    create_reward,
    my_rewards,
    reward_by_key,
    rewards_query,
)
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import RecordSource, Reward
from hrapp.period_close import PeriodClosed

bp = api_blueprint("api_rewards", __name__, "/api/v1/rewards",
                   "Rewards (奖励): HR sees all, heads their departments', staff their own approved rewards; heads "
                   "and HR propose.")
me_bp = api_blueprint("api_my_rewards", __name__, "/api/v1/me/rewards", "The token user's own approved rewards.")


@bp.route("")
@requires(ConductPerm.VIEW)
@bp.arguments(RewardListArgs, location="query")
@bp.response(200, RewardPageSchema)
def list_rewards(args: dict):
    """Rewards you may see, newest first, filtered by ledger month, department (with sub-departments) and state."""
    query = rewards_query(api_user()).order_by(Reward.awarded_on.desc(), Reward.id.desc())
    if args["month"]:
        query = query.where(Reward.ledger_month == args["month"])
    if args["department_id"] is not None:
        query = query.where(Reward.department_id.in_(department_subtree_ids(args["department_id"])))
    if args["state"]:
        query = query.where(Reward.state == args["state"])
    return db.paginate(query, page=args["page"], per_page=args["per_page"], max_per_page=200, error_out=False)


@bp.route("", methods=["POST"])
@requires(ConductPerm.RECORD)
@bp.arguments(RewardCreateSchema)
@bp.response(201, RewardSchema)
@bp.alt_response(200, schema=RewardSchema, description="A retry: the reward first made with this Idempotency-Key.")
@bp.alt_response(409, response="CONFLICT")
@bp.doc(parameters=[IDEMPOTENCY_PARAMETER])
def create(payload: dict):
    """Propose a reward for a person of your departments (HR: anyone; never yourself); it goes to HR and the
    general manager at once. 422 with field messages for what the rules refuse, 409 in a closed month."""
    user, key = api_user(), request_key()
    try:
        reward, created = create_once(key, lambda k: reward_by_key(user, k), lambda: create_reward(
            user, RewardDraft(**payload), company_today(), source=RecordSource.API, idempotency_key=key))
    except PeriodClosed as exc:
        db.session.rollback()
        abort(409, message=str(exc))
    if not created:
        return reward, 200
    return reward, 201, {"Location": url_for("api_rewards.list_rewards", number=reward.number)}


@me_bp.route("")
@requires(ConductPerm.VIEW)
@me_bp.response(200, MyRewardListSchema)
def list_mine():
    """Your approved rewards, newest first; empty without a staff record."""
    user = api_user()
    return {"staff_id": user.staff_id, "items": my_rewards(user.staff_id) if user.staff_id else []}

