"""Shift swaps: a person proposes on "my schedule", the colleague accepts or declines, the head approves
(after seeing the rule recheck) or rejects; the requester may cancel while it is open."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.roster.access import RosterPerm, can_view_roster, can_view_swap
from hrapp.blueprints.roster.forms import SwapDecisionForm, SwapProposeForm
from hrapp.blueprints.roster.gridview import breach_lines
from hrapp.blueprints.roster.queries import staff_names, swap_cells, swaps_of, swaps_to_decide
from hrapp.blueprints.roster.schedule_views import fill_swap_choices, own_staff, schedule_page
from hrapp.blueprints.roster.services import (
    RosterBreachError,
    RosterValidationError,
    accept_swap,
    approve_swap,
    cancel_swap,
    decline_swap,
    propose_swap,
    reject_swap,
    swap_breaches,
)
from hrapp.blueprints.roster.workflow import SWAP_WORKFLOW
from hrapp.company import company_today
from hrapp.core.errors import StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import STALE_MESSAGE, TransitionRefused, available
from hrapp.extensions import db
from hrapp.models import Roster, ShiftSwap, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required

SWAP_ALIASES = {"partner": "partner_id", "day": "partner_day", "roster": "my_shift"}


@permission_required(RosterPerm.ROSTER_VIEW)
def propose():
    """Ask a colleague to swap one of my shifts (form on "my schedule")."""
    staff = own_staff()
    form = SwapProposeForm()
    fill_swap_choices(form, staff, company_today())
    if form.validate_on_submit():
        roster_id, day = form.roster_and_day()
        roster = get_or_404(Roster, roster_id, check=can_view_roster)
        partner = db.get_or_404(StaffMember, form.partner_id.data)
        try:
            with duplicates_refused(RosterValidationError):
                swap = propose_swap(current_user, roster, staff, day, partner, form.partner_day.data or day,
                                    form.note.data or "")
                db.session.commit()
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors, SWAP_ALIASES)
        except PeriodClosed as exc:
            flash(str(exc), "danger")
        else:
            flash(_("Swap request sent to your colleague."), "success")
            return redirect(url_for("roster.show_swap", roster_id=roster.id, swap_id=swap.id))
    return schedule_page(staff, form)


@permission_required(RosterPerm.ROSTER_VIEW)
def list_swaps():
    """Swaps I asked for or was asked for, and those waiting for my approval."""
    mine = swaps_of(current_user.staff_id) if current_user.staff_id else []
    waiting = swaps_to_decide(current_user)
    return render_template("roster/swap_list.html", mine=mine, waiting=waiting,
                           names=staff_names([s.requester_id for s in mine + waiting]
                                             + [s.partner_id for s in mine + waiting]), title=_("Shift swaps"))


def _load(roster_id: int, swap_id: int) -> ShiftSwap:
    swap = get_or_404(ShiftSwap, swap_id, check=can_view_swap)
    if swap.roster_id != roster_id:
        abort(404)
    return swap


def _swap_page(swap: ShiftSwap, form: SwapDecisionForm, breaches=None, status: int = 200):
    """The swap page with the steps open to me; for a head of an accepted swap the hard breaches it would add
    (`breaches` if given)."""
    actions = available(SWAP_WORKFLOW, swap, current_user)
    if breaches is None:
        breaches = swap_breaches(swap) if any(t.name == "approve" for t in actions) else []
    if form.version_id.data in (None, ""):
        form.version_id.data = swap.version_id
    names = staff_names([swap.requester_id, swap.partner_id] + [b.staff_id for b in breaches if b.staff_id])
    return render_template("roster/swap_detail.html", swap=swap, cells=swap_cells(swap), form=form,
                           workflow=SWAP_WORKFLOW, actions=actions, breaches=breach_lines(breaches, names),
                           names=names, title=_("Shift swap")), status


@login_required
def show_swap(roster_id: int, swap_id: int):
    """A swap request: who, which days and shifts, its state, the steps open to me; for the head the rule
    recheck of the roster as it is now."""
    return _swap_page(_load(roster_id, swap_id), SwapDecisionForm(formdata=None))


def _step(roster_id: int, swap_id: int, name: str, action, done: str):
    """Take step `name` (`action(swap, form, version)`) if its access rule admits me (else 403); a stale page
    gets the "changed by someone else" message (409), other refusals come back on the page."""
    swap = _load(roster_id, swap_id)
    if not SWAP_WORKFLOW.transition(name).allowed(current_user, swap):
        abort(403)
    form = SwapDecisionForm()
    if not form.validate_on_submit():
        return _swap_page(swap, form)
    try:
        action(swap, form, form.expected_version())
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return _swap_page(swap, form, status=409)
    except RosterBreachError as exc:
        db.session.rollback()
        form.override_reason.errors.append(_("The swap breaks hard rules; only HR may approve it, with a reason."))
        return _swap_page(swap, form, exc.breaches)
    except (RosterValidationError, TransitionRefused) as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _swap_page(swap, form)
    except PeriodClosed as exc:
        db.session.rollback()
        flash(str(exc), "danger")
        return redirect(url_for("roster.show_swap", roster_id=roster_id, swap_id=swap_id))
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("roster.show_swap", roster_id=roster_id, swap_id=swap_id))


@login_required
def accept(roster_id: int, swap_id: int):
    """The colleague agrees; the approvers are asked to approve."""
    return _step(roster_id, swap_id, "accept", lambda s, f, v: accept_swap(current_user, s, v),
                 _("You accepted; the head will decide."))


@login_required
def decline(roster_id: int, swap_id: int):
    """The colleague says no."""
    return _step(roster_id, swap_id, "decline",
                 lambda s, f, v: decline_swap(current_user, s, f.note.data or "", v), _("You declined the swap."))


@login_required
def cancel(roster_id: int, swap_id: int):
    """The requester withdraws the request."""
    return _step(roster_id, swap_id, "cancel", lambda s, f, v: cancel_swap(current_user, s, v),
                 _("Swap request withdrawn."))


@login_required
def approve(roster_id: int, swap_id: int):
    """The head approves: the rules are rechecked and both cells change as a tracked change."""
    return _step(roster_id, swap_id, "approve", lambda s, f, v: approve_swap(
        current_user, s, f.note.data or "", f.override_reason.data or "", v), _("Swap approved; the roster changed."))


@login_required
def reject(roster_id: int, swap_id: int):
    """The head refuses the swap."""
    return _step(roster_id, swap_id, "reject", lambda s, f, v: reject_swap(current_user, s, f.note.data or "", v),
                 _("Swap rejected."))
