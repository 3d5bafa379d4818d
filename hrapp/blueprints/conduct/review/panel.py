"""What the review panel of a violation's record page shows the current user: the steps open to them with
their forms, the decision and its reason, and the history of the steps with their reasons."""
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from flask_login import current_user

from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core.workflow import available
from hrapp.extensions import db
from hrapp.models import AuditEntry, Violation, utcnow
from hrapp.permissions import is_self

from . import rules
from .forms import STEP_FORMS
from .messages import decision_label
from .services.common import company_day
from .services.decisions import allowed_ceiling

# Steps the person sees in their history (the recorder's own drafting steps stay out of it).
HISTORY_STEPS = ("submit", "acknowledge", "appeal", "acknowledge_by_silence", "finalize", "finalize_above_cap",
                 "refer", "uphold", "uphold_above_cap", "overturn", "second_approve", "void")


@dataclass
class Panel:
    violation: Violation
    steps: frozenset
    forms: dict
    history: list
    decision: str
    is_subject: bool
    may_still_respond: bool
    ceiling: Decimal | None = None
    errors: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # what the user wrote in a step no longer open (nothing is lost)


def history(violation: Violation) -> list[tuple]:
    """(when, step label, reason) of the violation's review steps, oldest first."""
    labels = {f"violation.{t.name}": t.label for t in VIOLATION_WORKFLOW.transitions}
    rows = db.session.execute(sa.select(AuditEntry.at, AuditEntry.action, AuditEntry.after).where(
        AuditEntry.target_type == "Violation", AuditEntry.target_id == violation.id,
        AuditEntry.action.in_([f"violation.{s}" for s in HISTORY_STEPS])).order_by(AuditEntry.at, AuditEntry.id))
    return [(at, labels[action], (after or {}).get("note", "")) for at, action, after in rows]


def review_panel(violation: Violation, forms: dict | None = None, errors: list | None = None) -> Panel:
    """The panel for the logged-in user; `forms` (step -> bound form) keeps what they typed after a refusal."""
    steps = frozenset(t.name for t in available(VIOLATION_WORKFLOW, violation, current_user))
    built, errors, kept = {}, list(errors or ()), []
    for name, form_class in STEP_FORMS.items():
        if name in steps:
            built[name] = (forms or {}).get(name) or form_class(formdata=None, version_id=violation.version_id)
    for name, form in (forms or {}).items():
        if name not in built:  # the step is no longer open (answered meanwhile): its messages go on top
            errors += [*form.form_errors, *(m for messages in form.errors.values() for m in messages
                                            if isinstance(messages, list))]
            kept += [f.data for f in form if f.type == "TextAreaField" and (f.data or "").strip()]
    ceiling = allowed_ceiling(violation) if {"finalize", "uphold"} & steps else None
    return Panel(violation=violation, steps=steps, forms=built, history=history(violation),
                 decision=decision_label(violation.decision), is_subject=is_self(current_user, violation.staff),
                 may_still_respond=rules.may_still_respond(violation.respond_by, company_day(utcnow())),
                 ceiling=ceiling, errors=errors, kept=kept)
