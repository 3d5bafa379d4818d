"""Recording a violation (the form with its check step and evidence) and the record page."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from hrapp.blueprints.attachments.panel import attachment_panel
from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.access import ConductPerm, can_view_violation
from hrapp.blueprints.conduct.violations import queries
from hrapp.blueprints.conduct.violations.evidence import EVIDENCE, attach_evidence, evidence_request_limit
from hrapp.blueprints.conduct.violations.forms import ViolationForm
from hrapp.blueprints.conduct.violations.recording import assess_violation, record_violation
from hrapp.blueprints.conduct.violations.steps import recorder_steps
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.company import utc_of_local
from hrapp.core.attachments import AttachmentRefused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import csrf, db
from hrapp.models import RecordSource, StaffMember, Violation
from hrapp.permissions import get_or_404, permission_required

FIELD_ALIASES = {"staff": "staff_number", "rule": "rule_id"}


def _fill_choices(form: ViolationForm) -> list:
    rules = queries.active_rules()
    form.rule_id.choices = [(None, "—")] + [(rule.id, f"{rule.code} {version.title_zh}") for rule, version in rules]
    return rules


def _subject(form: ViolationForm):
    """The person, rule and UTC time the form names (None where it names none)."""
    staff = StaffMember.numbered(form.staff_number.data)
    rule = db.session.get(queries.ConductRule, form.rule_id.data) if form.rule_id.data else None
    occurred = utc_of_local(form.occurred_at.data) if form.occurred_at.data else None
    return staff, rule, occurred


def _check(form: ViolationForm):
    """The check step: the outcome the form would record (None, with the messages on the form, if refused)."""
    staff, rule, occurred = _subject(form)
    try:
        return assess_violation(current_user, staff, rule, occurred, form.inputs())
    except ValidationFailed as exc:
        errors_onto_form(form, {k: v for k, v in exc.errors.items()
                                if not form[FIELD_ALIASES.get(k, k)].errors}, FIELD_ALIASES)
        return None


def _save(form: ViolationForm, submit: bool) -> Violation | None:
    """Record it with its evidence; None (nothing stored, messages on the form) when refused."""
    staff, rule, occurred = _subject(form)
    try:
        violation = record_violation(
            current_user, staff, rule, occurred, amount=form.amount.decimal,
            amount_involved=form.amount_involved.decimal, minutes=form.minutes.data, serious=form.serious.data,
            place=form.place.data, description=form.description.data, witnesses=form.witnesses.data,
            source=RecordSource.WEB, submit=submit)
        attach_evidence(violation, request.files.getlist(form.evidence.name), current_user)
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors, FIELD_ALIASES)
        return None
    except AttachmentRefused as exc:
        db.session.rollback()
        form.evidence.errors = [exc.message]
        return None
    return violation


@csrf.exempt  # evidence files may pass the app-wide body limit: the CSRF check runs below, after raising it
@permission_required(ConductPerm.RECORD)
def new_violation():
    """The recording form: check (shows the outcome), then save as a draft or save and submit."""
    if request.method == "POST":
        request.max_content_length = evidence_request_limit()
        if current_app.config["WTF_CSRF_ENABLED"]:
            csrf.protect()
    form = ViolationForm()
    rules = _fill_choices(form)
    action = request.form.get("action", "check")
    assessment = None
    if request.method == "POST" and action in ("draft", "submit"):
        fields_ok = form.validate()
        if fields_ok and (violation := _save(form, submit=action == "submit")) is not None:
            db.session.commit()
            flash(_("Violation %(number)s recorded.", number=violation.number), "success")
            return redirect(url_for("conduct_violations.show_violation", violation_id=violation.id))
        db.session.rollback()  # a claimed one-time token goes with the refused record
        assessment = _check(form)  # the rules' messages too, at once (and the outcome, to save again)
        assessment = assessment if fields_ok or form.evidence.errors else None
    elif request.method == "POST":  # the check step claims no token
        fields_ok = FlaskForm.validate(form)
        assessment = _check(form)
        assessment = assessment if fields_ok else None
    return render_template("conduct/violations/violation_form.html", form=form, assessment=assessment,
                           people=queries.recordable_staff(current_user, request.args.get("q", "")),
                           rules=rules, kinds=penalty, title=_("Record a violation"))


@permission_required(ConductPerm.VIEW)
def show_violation(violation_id: int):
    """The record page: the person, the rule as recorded, the amounts, the evidence, the steps."""
    violation = get_or_404(Violation, violation_id, check=can_view_violation)
    return render_template("conduct/violations/violation_detail.html", violation=violation,
                           workflow=VIOLATION_WORKFLOW, steps=recorder_steps(violation, current_user),
                           attachments=attachment_panel(EVIDENCE.name, violation, current_user),
                           title=_("Violation %(number)s", number=violation.number))
