"""The company's conduct settings (HR): days to respond, the second-approval cap, the deduction guard rail, fines."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.catalogue.forms import SettingsForm
from hrapp.blueprints.conduct.catalogue.services import save_settings
from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.permissions import permission_required


def _initial() -> dict:
    settings = conduct_settings()
    return {"respond_days": settings.respond_days, "second_approval_above_amount": settings.second_approval_above_amount,
            "max_deduction_share": settings.max_deduction_share, "fines_enabled": settings.fines_enabled,
            "version_id": settings.version_id if settings.id is not None else 0}


@permission_required(ConductPerm.CATALOGUE)
def edit_settings():
    """The conduct policy every part reads (conduct/settings.py)."""
    form = SettingsForm(data=_initial())
    if form.validate_on_submit():
        try:
            save_settings(current_user, form.respond_days.data, form.second_approval_above_amount.data,
                          form.max_deduction_share.data, form.fines_enabled.data, form.expected_version())
            db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Conduct settings saved."), "success")
            return redirect(url_for("conduct_catalogue.edit_settings"))
    return render_template("conduct/catalogue/settings_form.html", form=form, title=_("Conduct settings"))
