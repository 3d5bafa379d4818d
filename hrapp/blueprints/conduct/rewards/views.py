"""Reward pages: HR's and heads' list, the proposal form, a reward with its steps, and a person's own rewards."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.conduct.access import ConductPerm, can_view_reward
from hrapp.blueprints.conduct.rewards.forms import RewardForm, RewardStepForm
from hrapp.blueprints.conduct.rewards.listing import REWARDS
from hrapp.blueprints.conduct.rewards.rules import REWARD_KINDS
from hrapp.blueprints.conduct.rewards.services import (
    RewardError,
    create_reward,
    my_rewards,
    reward_rules,
    rewards_query,
    take_step,
)
from hrapp.blueprints.conduct.rewards.workflow import REWARD_WORKFLOW
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import TransitionForbidden, TransitionRefused, available
from hrapp.extensions import db
from hrapp.models import Reward, RewardState, RuleKind
from hrapp.period_close import PeriodClosed
from hrapp.permissions import check_or_404, get_or_404, permission_required, visible_departments


@permission_required(ConductPerm.RECORD)
def list_rewards():
    """HR: every reward; a head: their departments' (reward_scope); filters, sort and pages."""
    page = REWARDS.page(rewards_query(current_user), request.args)
    return render_template("conduct/rewards/reward_list.html", page=page,
                           departments=visible_departments(current_user), states=list(RewardState),
                           kinds=[RuleKind(k) for k in REWARD_KINDS], title=_("Rewards"))


@permission_required(ConductPerm.RECORD)
def new_reward():
    """Propose a reward (or save it as a draft) for a person of my departments (HR: anyone)."""
    form = RewardForm()
    form.set_choices(reward_rules())
    if not form.is_submitted():
        form.staff_number.data = request.args.get("staff", "")[:20]
        form.awarded_on.data = company_today()
    if form.validate_on_submit():
        try:
            with duplicates_refused(RewardError):
                reward = create_reward(current_user, form.draft(), company_today(), propose=not form.save_draft.data)
                db.session.commit()
        except RewardError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        except PeriodClosed as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            flash(_("Reward proposed.") if reward.state == RewardState.PROPOSED else _("Reward saved as a draft."),
                  "success")
            return redirect(url_for("conduct_rewards.show_reward", reward_id=reward.id))
    return render_template("conduct/rewards/reward_form.html", form=form, title=_("Propose a reward"))


def _page(reward: Reward, form: RewardStepForm, status: int = 200):
    if form.version_id.data in (None, ""):
        form.version_id.data = reward.version_id
    return render_template("conduct/rewards/reward_detail.html", reward=reward, form=form, workflow=REWARD_WORKFLOW,
                           actions=available(REWARD_WORKFLOW, reward, current_user),
                           title=_("Reward %(number)s", number=reward.number)), status


@login_required
def show_reward(reward_id: int):
    """A reward: who, what, why, its state, the decision and its reason, and the steps open to me."""
    return _page(get_or_404(Reward, reward_id, check=can_view_reward), RewardStepForm(formdata=None))


def _step(reward_id: int, name: str, done: str):
    """Take step `name` if its rule admits me (else 403; out of scope 404); a stale page gets the STALE message
    (409), other refusals come back on the page."""
    reward = get_or_404(Reward, reward_id, check=can_view_reward)
    check_or_404(reward, REWARD_WORKFLOW.transition(name).allowed)
    form = RewardStepForm()
    if not form.validate_on_submit():
        return _page(reward, form)
    try:
        take_step(current_user, reward, name, form.expected_version(), form.note.data or "")
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return _page(db.session.get(Reward, reward_id), form, status=409)
    except (TransitionRefused, TransitionForbidden, PeriodClosed) as exc:
        db.session.rollback()
        if isinstance(exc, TransitionRefused):
            errors_onto_form(form, exc.errors)
        else:
            form.form_errors.append(str(exc) if isinstance(exc, PeriodClosed) else _("You may not take this step."))
        return _page(reward, form)
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("conduct_rewards.show_reward", reward_id=reward_id))


@login_required
def submit_reward(reward_id: int):
    """The proposer sends a draft to HR and the general manager."""
    return _step(reward_id, "propose", _("Reward proposed."))


@login_required
def approve_reward(reward_id: int):
    """HR or the general manager of the person's unit approves."""
    return _step(reward_id, "approve", _("Reward approved."))


@login_required
def reject_reward(reward_id: int):
    """HR or the general manager rejects, with a reason."""
    return _step(reward_id, "reject", _("Reward rejected."))


@login_required
def withdraw_reward(reward_id: int):
    """The proposer withdraws a draft or an open proposal."""
    return _step(reward_id, "withdraw", _("Reward withdrawn."))


@permission_required(ConductPerm.VIEW)
def list_my_rewards():
    """My approved rewards (phone-friendly cards)."""
    rewards = my_rewards(current_user.staff_id) if current_user.staff_id else []
    return render_template("conduct/rewards/my_rewards.html", rewards=rewards, title=_("My rewards"))
