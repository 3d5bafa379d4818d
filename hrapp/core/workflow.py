"""The one workflow mechanism for records that move through states by people's actions.

A module declares, for a record type with a state column, a `Workflow` of `Transition`s (in its own
`workflow.py`). `apply()` takes one transition in the caller's transaction: it checks the transition
exists from the current state, that the actor may take it (an access rule), the note when one is
required and the record's version, then sets the state with a conditional UPDATE (`... WHERE id = ? AND
version_id = ?`, flushed at once; no row matched is StaleRecord), writes the audit entry (from, to, note)
and sends the notifications. It never commits. The conditional UPDATE is what makes a replayed or racing
step change nothing: two approvals of one record both pass `check` on what they loaded, but the database
lets only the first UPDATE match (PostgreSQL re-checks the WHERE once the first commits; SQLite runs
writers one at a time). `available()` lists what a user may do now; pages render those as buttons
(`_macros/workflow.html`).

This module imports no feature package.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from hrapp import audit
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.notifications import notify

# The one "changed by someone else" message: forms, flashes and the API's 409 all say this.
REFUSALS = {
    "unknown": _l("There is no such step."),
    "wrong_state": _l("This record is no longer open for that step; reload the page."),
    "note_required": _l("Please give a reason."),
}

# notify(record, actor, note) -> (users, text, link, kind) or None; `text` is a callable (each user's locale).
Notifier = Callable[[object, object, str], tuple[Iterable, Callable[[], str], str, str] | None]


@dataclass(frozen=True)
class Transition:
    """One step: from any of `sources` to `target`, for users `allowed(user, record)` admits.

    `endpoint` is the POST view that takes it (its URL arguments come from `Workflow.url_args`);
    `style` the button's Bootstrap colour; `confirm` an optional question asked before submitting.
    An `automatic` step is only ever taken by another step's service (superseding the previous version when a
    new one is approved): it is checked and audited like any other but never offered as a button.
    """

    name: str
    sources: frozenset
    target: object
    allowed: Callable[[object, object], bool]
    label: object
    endpoint: str = ""
    note_required: bool = False
    notify: Notifier | None = None
    style: str = "outline-secondary"
    confirm: object = None
    automatic: bool = False


@dataclass(frozen=True)
class Workflow:
    """The transitions of one record type; `name` prefixes the audit actions (`swap.accept`)."""

    name: str
    transitions: tuple[Transition, ...]
    state_attr: str = "status"
    version_attr: str = "version_id"
    url_args: Callable[[object], dict] = dict
    audit_label: Callable[[object], str] = str

    def transition(self, name: str) -> Transition | None:
        """The transition called `name`, or None."""
        return next((t for t in self.transitions if t.name == name), None)


class TransitionRefused(ValidationFailed):
    """The step cannot be taken: unknown, not from this state, or a required note is missing.

    `reason` is one of REFUSALS' keys; `errors` maps the field ("state" or "note") to the message.
    """

    def __init__(self, reason: str):
        super().__init__({"note" if reason == "note_required" else "state": [REFUSALS[reason]]})
        self.reason = reason


class TransitionForbidden(PermissionError):
    """The actor may not take this step on this record (views answer 403)."""


def transition_refusal(workflow: Workflow, state, name: str, note: str = "") -> str | None:
    """Why `name` cannot be taken from `state` with `note` (a REFUSALS key), or None. Pure."""
    transition = workflow.transition(name)
    if transition is None:
        return "unknown"
    if state not in transition.sources:
        return "wrong_state"
    if transition.note_required and not note.strip():
        return "note_required"
    return None


def state_of(workflow: Workflow, record):
    """The record's current state."""
    return getattr(record, workflow.state_attr)


def available(workflow: Workflow, record, user) -> list[Transition]:
    """The transitions `user` may take on `record` now, in declaration order (they drive the buttons)."""
    state = state_of(workflow, record)
    return [t for t in workflow.transitions
            if not t.automatic and state in t.sources and t.allowed(user, record)]


def check(workflow: Workflow, record, name: str, actor, expected_version: int, note: str = "") -> Transition:
    """Everything `apply` checks, without changing anything (for services with work to do before the step).

    :raise TransitionRefused: unknown step, wrong state, missing note.
    :raise TransitionForbidden: `allowed(actor, record)` does not hold.
    :raise StaleRecord: `expected_version` is not the record's version (someone saved first).
    """
    problem = transition_refusal(workflow, state_of(workflow, record), name, note)
    if problem == "unknown":
        raise TransitionRefused(problem)
    transition = workflow.transition(name)
    if not transition.allowed(actor, record):
        raise TransitionForbidden(name)
    if expected_version is None or int(expected_version) != getattr(record, workflow.version_attr):
        raise StaleRecord(str(STALE_MESSAGE))
    if problem is not None:
        raise TransitionRefused(problem)
    return transition


def apply(workflow: Workflow, record, name: str, actor, expected_version: int, note: str = "",
          details: dict | None = None) -> Transition:
    """Take step `name` on `record` as `actor`: set the state, audit it (`<workflow>.<step>` with from, to,
    note and the JSON-safe `details` the service adds) and notify whom the step names. Joins the caller's
    transaction; never commits.

    Raises as `check` does (the version is checked before the state, so a stale page gets the stale message).
    """
    transition = check(workflow, record, name, actor, expected_version, note)
    before = state_of(workflow, record)
    _claim(workflow, record, transition.target)
    note = note.strip()
    audit.record(actor, f"{workflow.name}.{name}", record, {"status": _value(before)},
                 {"status": _value(transition.target), "note": note[:255], **(details or {})},
                 label=workflow.audit_label(record))
    if transition.notify is not None:
        message = transition.notify(record, actor, note)
        if message is not None:
            users, text, link, kind = message
            notify(users, text, link, kind=kind)
    return transition


def _claim(workflow: Workflow, record, target) -> None:
    """Move a stored `record` to `target` with one conditional UPDATE that also bumps its version: the ORM's
    flush of a record with a version counter (`version_id_col`) is `UPDATE ... WHERE id = ? AND version_id = ?`
    with its rowcount checked, and every state change bumps the version, so the version stands for the state
    too. No row matched means another transaction moved or changed it first: StaleRecord (the caller rolls
    back). The flush also runs the model's update hooks (an open key, the update time). A record not stored
    yet just gets the state.

    :raise TypeError: the record's model has no version counter (every workflow record needs one).
    """
    info = sa.inspect(record)
    if info.mapper.version_id_col is None:
        raise TypeError(f"{type(record).__name__} needs a version_id_col to move through workflow {workflow.name}")
    setattr(record, workflow.state_attr, target)
    if info.persistent:
        try:
            db.session.flush()
        except StaleDataError as exc:
            raise StaleRecord(str(STALE_MESSAGE)) from exc


def _value(state):
    return getattr(state, "value", state)
