"""A plan's items: add one (a course or a free title), change one, remove one, while the plan is a draft or
returned."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm, can_view_plan
from hrapp.core.errors import StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form, validate_with_rules
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import Course, PlanItem, TrainingPlan
from hrapp.permissions import get_or_404, permission_required

from . import rules, services
from .forms import ItemCreateForm, ItemForm
from .queries import course_choices


def _item_of_visible_plan(user, item: PlanItem) -> bool:
    return can_view_plan(user, item.plan)


def _draft(form: ItemForm) -> services.ItemDraft:
    course = db.session.get(Course, form.course_id.data) if form.course_id.data else None
    return services.ItemDraft(form.quarter.data, course, form.title.data or "", form.people.data, form.hours.data,
                              form.cost.data, form.note.data or "")


def _figures_checked(form: ItemForm) -> bool:
    """The fields and the item's rules in one round, so every problem is reported at once."""
    return validate_with_rules(form, lambda: rules.check_item(
        form.quarter.data, form.people.data, form.hours.data, form.cost.data, bool(form.course_id.data),
        form.title.data or "", services.MESSAGES))


def _form_page(form, plan: TrainingPlan, item: PlanItem | None):
    return render_template("training/plans/item_form.html", form=form, plan=plan, item=item,
                           title=_("Change an item") if item else _("Add an item"))


@permission_required(TrainingPerm.LEAD)
def add_plan_item(plan_id: int):
    """Add an item by hand (a free entry, or a course)."""
    plan = get_or_404(TrainingPlan, plan_id, check=can_view_plan)
    form = ItemCreateForm()
    form.course_id.choices = course_choices()
    if _figures_checked(form):
        try:
            services.add_item(current_user, plan, _draft(form))
            db.session.commit()
        except StaleRecord as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except ValidationFailed as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Item added."), "success")
            return redirect(url_for("training_plans.show_plan", plan_id=plan_id))
    return _form_page(form, plan, None)


@permission_required(TrainingPerm.LEAD)
def edit_plan_item(item_id: int):
    """Change an item's course or title, quarter, people, hours, cost or note."""
    item = get_or_404(PlanItem, item_id, check=_item_of_visible_plan)
    form = ItemForm(data=None if request.method == "POST" else {
        "quarter": item.quarter, "course_id": item.course_id, "title": item.title, "people": item.people,
        "hours": item.hours, "cost": item.cost, "note": item.note, "version_id": item.version_id})
    form.course_id.choices = course_choices(item.course_id)
    if _figures_checked(form):
        plan_id = item.plan_id
        try:
            services.update_item(current_user, item, _draft(form), form.expected_version())
            db.session.commit()
        except StaleRecord as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except ValidationFailed as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Item saved."), "success")
            return redirect(url_for("training_plans.show_plan", plan_id=plan_id))
        item = db.session.get(PlanItem, item_id)
    return _form_page(form, item.plan, item)


@permission_required(TrainingPerm.LEAD)
def remove_plan_item(item_id: int):
    """Remove an item (after the page's confirmation); the needs it took in are open again."""
    item = get_or_404(PlanItem, item_id, check=_item_of_visible_plan)
    plan_id = item.plan_id
    if not ConfirmForm().validate_on_submit():
        flash(_("The form expired; try again."), "danger")
        return redirect(url_for("training_plans.show_plan", plan_id=plan_id))
    try:
        services.remove_item(current_user, item, posted_version(request.form.get("version_id")))
        db.session.commit()
    except StaleRecord as exc:
        db.session.rollback()
        flash(str(exc), "danger")
    except ValidationFailed as exc:
        db.session.rollback()
        flash(str(exc.message), "danger")
    else:
        flash(_("Item removed."), "success")
    return redirect(url_for("training_plans.show_plan", plan_id=plan_id))
