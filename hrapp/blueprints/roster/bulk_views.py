"""The grid page's forms: fill a range, copy the previous period, apply a rotation, generate, publish, lock.

Each checks the roster version the editor saw; a conflict reloads the grid, bad input re-renders it with the
form's errors, hard breaches are listed (HR may override with a reason)."""
from collections import Counter

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm, can_edit_roster
from hrapp.blueprints.roster.forms import (
    CopyPreviousForm,
    FillRangeForm,
    GenerateForm,
    LockForm,
    PatternForm,
    PublishForm,
)
from hrapp.blueprints.roster.grid_views import render_grid
from hrapp.blueprints.roster.gridview import back_args
from hrapp.blueprints.roster.labels import roster_label
from hrapp.blueprints.roster.queries import department_staff, staff_names
from hrapp.blueprints.roster.services import (
    RosterBreachError,
    RosterValidationError,
    StaleRosterError,
    apply_pattern,
    copy_previous_period,
    fill_range,
    generate_roster,
    lock_roster,
    publish_roster,
)
from hrapp.blueprints.roster.services.facts import roster_people
from hrapp.core.errors import STALE_MESSAGE
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Roster
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required

GENERATION_SECONDS = 10.0


def _to_grid(roster: Roster):
    """Back to the grid, on the page and with the filter the form was posted from."""
    return redirect(url_for("roster.show_roster", roster_id=roster.id, **back_args(request.args)))


def _bulk_done(result) -> str:
    text = _("%(n)s cells changed.", n=result.changed)
    if result.skipped:
        why = Counter(code for _s, _d, code in result.skipped)
        text += " " + _("%(n)s left as they were: %(why)s.", n=len(result.skipped),
                        why=", ".join(f"{roster_label(code)} ×{n}" for code, n in why.most_common()))
    return text


def _attempt(roster: Roster, name: str, form, step, done, aliases=None):
    """Run the service `step()`: commit, flash `done(result)` and go back to the grid; or show why not."""
    try:
        result = step()
    except PeriodClosed as exc:
        db.session.rollback()
        flash(str(exc), "danger")
        return _to_grid(roster)
    except StaleRosterError:
        db.session.rollback()
        flash(f"{STALE_MESSAGE} {_('The grid now shows the current state.')}", "warning")
        return _to_grid(roster)
    except RosterBreachError as exc:
        db.session.rollback()
        return render_grid(roster, **{name: form}, breaches=exc.breaches)
    except RosterValidationError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors, aliases)
        return render_grid(roster, **{name: form})
    if getattr(result, "ok", True) is False:  # generation fell short: nothing was saved
        db.session.rollback()
        return render_grid(roster, **{name: form}, generation=result)
    db.session.commit()
    flash(done(result), "success")
    return _to_grid(roster)


def _load(roster_id: int) -> Roster:
    return get_or_404(Roster, roster_id, check=can_edit_roster)


@permission_required(RosterPerm.ROSTER_EDIT)
def fill_cells(roster_id: int):
    """Put one shift (or nothing) in every cell of some people over a range of days."""
    roster = _load(roster_id)
    form = FillRangeForm(prefix="fill")
    form.staff_ids.choices, form.shift_code.choices = [], []
    if not form.validate_on_submit():
        return render_grid(roster, fill=form)
    everyone = [s.id for s in department_staff(roster.department_id)]
    return _attempt(roster, "fill", form, lambda: fill_range(
        current_user, roster, form.selected_staff(everyone), form.first_day.data, form.last_day.data, form.code(),
        form.version(), form.reason.data or "", form.override_reason.data or ""), _bulk_done)


@permission_required(RosterPerm.ROSTER_EDIT)
def copy_cells(roster_id: int):
    """Copy the previous period's cells onto the same weekdays."""
    roster = _load(roster_id)
    form = CopyPreviousForm(prefix="copy")
    if not form.validate_on_submit():
        return render_grid(roster, previous=form)
    return _attempt(roster, "previous", form, lambda: copy_previous_period(
        current_user, roster, form.version(), form.overwrite.data, form.reason.data or "",
        form.override_reason.data or ""), _bulk_done)


@permission_required(RosterPerm.ROSTER_EDIT)
def pattern_cells(roster_id: int):
    """Apply a rotation pattern with a start offset per person."""
    roster = _load(roster_id)
    numbers = {p.staff_number: p.id for p in roster_people(roster)}
    form = PatternForm(prefix="pattern", staff_numbers=numbers)
    if not form.validate_on_submit():
        return render_grid(roster, pattern=form)
    return _attempt(roster, "pattern", form, lambda: apply_pattern(
        current_user, roster, form.pattern.data, form.offset_map, form.version(), form.first_day.data,
        form.last_day.data, form.reason.data or "", form.override_reason.data or ""), _bulk_done,
        {"staff_ids": "offsets"})


@permission_required(RosterPerm.ROSTER_EDIT)
def generate_cells(roster_id: int):
    """Generate the draft with CP-SAT (cells fixed by hand stay); if demand cannot be met nothing is saved and
    the shortfalls are shown."""
    roster = _load(roster_id)
    form = GenerateForm(prefix="generate")
    if not form.validate_on_submit():
        return render_grid(roster, generate=form)
    return _attempt(roster, "generate", form, lambda: generate_roster(
        current_user, roster, form.version(), time_limit_s=GENERATION_SECONDS),
        _generated)


def _generated(result) -> str:
    text = _("Roster generated: %(n)s cells.", n=len(result.assignments))
    if result.wishes:
        text += " " + _("%(met)s of %(wishes)s requested days off granted.", met=result.wishes_met, wishes=result.wishes)
    if result.target_misses:
        text += " " + _("Working days outside the contracted range: %(people)s.",
                        people="; ".join(_target_miss(m, names) for names in [staff_names(
                            m.staff_id for m in result.target_misses)] for m in result.target_misses))
    return text


def _target_miss(miss, names: dict[int, str]) -> str:
    """One person's miss in words: who, how many days, the range, and why when it is their availability."""
    why = (_("only %(n)s days possible (leave, office days, allowed shifts)", n=miss.possible)
           if miss.limited_by_availability else _("the hard rules or the demand allow no closer"))
    return _("%(who)s %(worked)s days (target %(low)s–%(high)s: %(why)s)", who=names.get(miss.staff_id, ""),
             worked=miss.worked, low=miss.low, high=miss.high, why=why)


def _published(breaches) -> str:
    soft = sum(1 for b in breaches if not b.is_hard)
    text = _("Roster published; everyone on it with an account has been told.")
    return text + (" " + _("%(n)s warnings remain (soft rules).", n=soft) if soft else "")


@permission_required(RosterPerm.ROSTER_EDIT)
def publish(roster_id: int):
    """Publish the draft; hard breaches block it unless HR gives an override reason."""
    roster = _load(roster_id)
    form = PublishForm(prefix="publish")
    if not form.validate_on_submit():
        return render_grid(roster, publish=form)
    return _attempt(roster, "publish", form, lambda: publish_roster(
        current_user, roster, form.version(), form.override_reason.data or ""), _published)


@permission_required(RosterPerm.ROSTER_EDIT)
def lock(roster_id: int):
    """Lock a published roster: no more changes."""
    roster = _load(roster_id)
    form = LockForm(prefix="lock")
    if not form.validate_on_submit():
        return render_grid(roster, lock=form)
    return _attempt(roster, "lock", form, lambda: lock_roster(current_user, roster, form.version()),
                    lambda _result: _("Roster locked."))

