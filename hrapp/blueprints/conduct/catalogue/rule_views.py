"""The catalogue pages: the list everyone with conduct access reads, a rule and its versions in words, and HR's
create / edit / deactivate / load-the-standard-catalogue actions."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.catalogue import services
from hrapp.blueprints.conduct.catalogue.forms import RuleCreateForm, RuleEditForm, RuleForm, version_data
from hrapp.blueprints.conduct.catalogue.queries import (
    RULE_LISTING,
    authors_of,
    catalogue_is_empty,
    current_versions,
    rules_with_current,
    version_of,
)
from hrapp.blueprints.conduct.catalogue.rules import draft_problems
from hrapp.blueprints.conduct.catalogue.wording import kind_choices, problem_texts, rule_title, wording
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import ConductRule, RuleCategory
from hrapp.permissions import get_or_404, permission_required

TABLES = ("ladder", "tiers")


@permission_required(ConductPerm.VIEW)
def list_rules():
    """The catalogue: searchable by code and text, filtered by category, kind and whether in use."""
    page = RULE_LISTING.page(rules_with_current(), request.args)
    return render_template("conduct/catalogue/rule_list.html", page=page, args=request.args,
                           currents=current_versions([r.id for r in page.items]), form=ConfirmForm(),
                           empty_catalogue=not page.items and catalogue_is_empty(), categories=list(RuleCategory),
                           kinds=kind_choices(), title=_("Rules"))


def _version_page(rule: ConductRule, version, old: bool):
    return render_template("conduct/catalogue/rule_detail.html", rule=rule, version=version, old=old,
                           words=wording(version), versions=rule.versions, form=ConfirmForm(),
                           authors=authors_of(rule.versions),
                           title=f"{rule.code} {rule_title(version)}")


@permission_required(ConductPerm.VIEW)
def show_rule(rule_id: int):
    """A rule's current version in words, and its version history."""
    rule = get_or_404(ConductRule, rule_id)
    return _version_page(rule, rule.current, old=False)


@permission_required(ConductPerm.VIEW)
def show_rule_version(rule_id: int, number: int):
    """A version of a rule as it was (records made under it keep it)."""
    rule = get_or_404(ConductRule, rule_id)
    version = version_of(rule, number)
    if version is None:
        abort(404)
    return _version_page(rule, version, old=version.number != rule.current.number)


def _checked(form: RuleForm, category: str) -> bool:
    """Validate the fields and the terms in one round: every problem lands on its field (the ladder's and the
    tiers' on their tables) at once."""
    if not form.is_submitted():
        return False
    fields_ok = form.validate()
    problems = problem_texts(draft_problems(form.draft(category), category)) if category else {}
    form.table_errors = {name: problems.pop(name) for name in TABLES if name in problems}
    errors_onto_form(form, {n: m for n, m in problems.items() if not (n in form and form[n].errors)})
    return fields_ok and not problems and not form.table_errors


def _refused(form: RuleForm, exc: ValidationFailed) -> None:
    errors = dict(exc.errors)
    form.table_errors = {name: [str(m) for m in errors.pop(name)] for name in TABLES if name in errors}
    errors_onto_form(form, errors)


@permission_required(ConductPerm.CATALOGUE)
def create_rule():
    """HR adds a rule (its version 1)."""
    form = RuleCreateForm()
    if _checked(form, form.category.data if form.category.data in RuleCategory._value2member_map_ else ""):
        try:
            with duplicates_refused():
                rule = services.create_rule(current_user, form.code.data, form.category.data,
                                            form.draft(form.category.data))
                db.session.commit()
        except ValidationFailed as exc:
            _refused(form, exc)
        else:
            flash(_("Rule %(code)s added.", code=rule.code), "success")
            return redirect(url_for("conduct_catalogue.show_rule", rule_id=rule.id))
    return render_template("conduct/catalogue/rule_form.html", form=form, rule=None, title=_("New rule"))


@permission_required(ConductPerm.CATALOGUE)
def edit_rule(rule_id: int):
    """HR changes a rule: a new version, with the reason; records keep the version they were made under."""
    rule = get_or_404(ConductRule, rule_id)
    form = RuleEditForm(data=None if request.method == "POST" else {
        **version_data(rule.current), "version_id": rule.version_id})
    if _checked(form, rule.category.value):
        try:
            services.revise_rule(current_user, rule, form.draft(rule.category.value), form.reason.data,
                                 form.expected_version())
            db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            _refused(form, exc)
        else:
            flash(_("Rule %(code)s saved as version %(number)s.", code=rule.code, number=rule.current.number),
                  "success")
            return redirect(url_for("conduct_catalogue.show_rule", rule_id=rule.id))
    return render_template("conduct/catalogue/rule_form.html", form=form, rule=rule,
                           title=_("Edit rule %(code)s", code=rule.code))


def _set_active(rule_id: int, active: bool):
    rule = get_or_404(ConductRule, rule_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
    services.set_rule_active(current_user, rule, active, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Rule %(code)s is in use again.", code=rule.code) if active else
          _("Rule %(code)s is no longer offered for new records; it stays readable.", code=rule.code), "success")
    return redirect(url_for("conduct_catalogue.show_rule", rule_id=rule.id))


@permission_required(ConductPerm.CATALOGUE)
def deactivate_rule(rule_id: int):
    """Take a rule out of use (it stays readable; records keep it)."""
    return _set_active(rule_id, False)


@permission_required(ConductPerm.CATALOGUE)
def reactivate_rule(rule_id: int):
    """Put a deactivated rule back in use."""
    return _set_active(rule_id, True)


@permission_required(ConductPerm.CATALOGUE)
def load_standard_catalogue():
    """Load the standard catalogue (code_of_conduct.yaml): the rules whose codes are missing."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    added = services.load_standard_catalogue(current_user)
    db.session.commit()
    flash(_("%(count)s standard rules loaded.", count=added), "success")
    return redirect(url_for("conduct_catalogue.list_rules"))
