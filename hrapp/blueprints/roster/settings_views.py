"""Company-wide roster settings (HR/admin): the holiday calendar and the working-time rules."""
from datetime import date
from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm
from hrapp.blueprints.roster.forms import (
    SETTINGS_ALIASES,
    CompanyDayForm,
    HolidaySyncForm,
    RuleSettingsForm,
    hours_to_minutes,
)
from hrapp.blueprints.roster.labels import roster_label
from hrapp.blueprints.roster.queries import holidays_of_year
from hrapp.blueprints.roster.rules import CONFIGURABLE_RULES, RuleSettings
from hrapp.blueprints.roster.services import (
    RosterValidationError,
    calendar_warning,
    rule_settings,
    rule_settings_version,
    set_company_day,
    sync_company_holidays,
    update_rule_settings,
)
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import DayKind
from hrapp.permissions import permission_required


def _holiday_page(year: int, sync_form: HolidaySyncForm, day_form: CompanyDayForm):
    return render_template("roster/holiday_list.html", year=year, holidays=holidays_of_year(year),
                           calendar_warning=calendar_warning(date(year, 1, 1), date(year, 12, 31)),
                           sync_form=sync_form, day_form=day_form, title=_("Company holidays %(year)s", year=year))


def _year() -> int:
    year = request.args.get("year", type=int) or company_today().year
    return year if 2000 <= year <= 2100 else company_today().year


@permission_required(RosterPerm.ROSTER_SETTINGS)
def list_holidays():
    """The company calendar of a year: public holidays and adjusted working days, library and HR entries."""
    year = _year()
    return _holiday_page(year, HolidaySyncForm(formdata=None, year=year), CompanyDayForm(formdata=None))


@permission_required(RosterPerm.ROSTER_SETTINGS)
def sync_holidays():
    """Bring a year's official calendar in from the library (HR's own entries are kept)."""
    form = HolidaySyncForm()
    if form.validate_on_submit():
        try:
            result = sync_company_holidays(current_user, form.year.data)
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors)
        else:
            db.session.commit()
            flash(_("Calendar synced: %(added)s added, %(updated)s updated, %(removed)s removed, %(kept)s HR "
                    "entries kept.", added=result.added, updated=result.updated, removed=result.removed,
                    kept=result.kept_overrides), "success")
            if result.provisional:
                flash(_("%(year)s is not in the official schedule yet: its statutory holidays were taken by rule "
                        "and are provisional. Enter the adjusted working days once they are announced.",
                        year=form.year.data), "warning")
            return redirect(url_for("roster.list_holidays", year=form.year.data))
    return _holiday_page(_year(), form, CompanyDayForm(formdata=None))


@permission_required(RosterPerm.ROSTER_SETTINGS)
def set_holiday():
    """HR's own entry for a day: a company holiday, an adjusted working day, or a normal day."""
    form = CompanyDayForm()
    if form.validate_on_submit():
        set_company_day(current_user, form.day.data, DayKind(form.kind.data), form.name.data or "")
        db.session.commit()
        flash(_("Day saved."), "success")
        return redirect(url_for("roster.list_holidays", year=form.day.data.year))
    return _holiday_page(_year(), HolidaySyncForm(formdata=None, year=_year()), form)


def _settings_form() -> RuleSettingsForm:
    current = rule_settings()
    form = RuleSettingsForm(data={
        "min_rest_hours": Decimal(current.min_rest_minutes) / 60, "max_consecutive_days": current.max_consecutive_days,
        "max_weekly_hours": Decimal(current.max_weekly_minutes) / 60,
        "comprehensive_hours": current.comprehensive_hours, "soft_rules": sorted(current.soft_rules),
        "version_id": rule_settings_version()})
    form.soft_rules.choices = [(code, roster_label(code)) for code in sorted(CONFIGURABLE_RULES)]
    return form


@permission_required(RosterPerm.ROSTER_SETTINGS)
def edit_rules():
    """The company's working-time rules the roster check applies, and which of them only warn."""
    form = _settings_form()
    if form.validate_on_submit():
        settings = RuleSettings(hours_to_minutes(form.min_rest_hours.data), form.max_consecutive_days.data,
                                hours_to_minutes(form.max_weekly_hours.data), form.comprehensive_hours.data,
                                frozenset(form.soft_rules.data or ()))
        try:
            update_rule_settings(current_user, settings, form.expected_version())
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors, SETTINGS_ALIASES)
        else:
            db.session.commit()
            flash(_("Rules saved."), "success")
            return redirect(url_for("roster.edit_rules"))
    return render_template("roster/rules_form.html", form=form, title=_("Roster rules"))
