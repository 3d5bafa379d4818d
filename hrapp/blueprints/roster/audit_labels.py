"""What the audit trail calls the roster module's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.roster.forms import RuleSettingsForm, ShiftTypeForm
from hrapp.blueprints.roster.labels import CODES, HOLIDAY_NAMES, LABELS
from hrapp.blueprints.roster.workflow import DAY_OFF_WORKFLOW, SWAP_WORKFLOW
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels, workflow_actions


def _value_label(_field: str, value) -> str | None:
    """Roster enum values, rule codes and the library's holiday names, translated; None for others."""
    if not isinstance(value, str):
        return None
    text = next((v for k, v in LABELS.items() if k.value == value), None) or CODES.get(value) \
        or HOLIDAY_NAMES.get(value)
    return str(text) if text is not None else None


AUDIT = AuditVocabulary(
    actions={
        "roster.create": _l("Roster created"),
        "roster.cells": _l("Roster cells changed"),
        "roster.generate": _l("Roster generated"),
        "roster.publish": _l("Roster published"),
        "roster.lock": _l("Roster locked"),
        "roster.publish_override": _l("Roster published despite hard breaches"),
        "roster.change_override": _l("Roster changed despite hard breaches"),
        "roster.day_off.request": _l("Day off requested"),
        "roster_demand.set": _l("Staffing demand set"),
        "roster_rules.update": _l("Roster rules changed"),
        "shift_type.update": _l("Shift type saved"),
        "holiday.sync": _l("Holiday calendar synced"),
        "holiday.set": _l("Company day set"),
        "absence.create": _l("Leave recorded"),
        "rest_owed.adjust": _l("Rest owed adjusted"),
        "calendar_feed.issue": _l("Calendar feed link issued"),
        "calendar_feed.revoke": _l("Calendar feed link revoked"),
        "swap.propose": _l("Shift swap proposed"),
        "roster.add_member": _l("Person added to a published roster"),
        "roster_rules.working_days": _l("Contracted working days changed"),
        "roster_terms.set": _l("Work terms set"),
        "roster_terms.remove": _l("Work terms removed"),
        **workflow_actions(SWAP_WORKFLOW, _l("Shift swap")),
        **workflow_actions(DAY_OFF_WORKFLOW, _l("Requested day off")),
    },
    record_types={
        "Roster": _l("Roster"), "RosterDemand": _l("Staffing demand"), "ShiftType": _l("Shift type"),
        "CompanyHoliday": _l("Company day"), "CompanyCalendar": _l("Company calendar"),
        "RosterRuleSettings": _l("Roster rules"), "Absence": _l("Leave"), "RestOwedEntry": _l("Rest owed"),
        "ShiftSwap": _l("Shift swap"), "DayOffRequest": _l("Requested day off"),
        "CalendarFeedToken": _l("Calendar feed link"), "RosterWorkTerms": _l("Work terms"),
    },
    fields={
        **form_field_labels(ShiftTypeForm, RuleSettingsForm),
        "shift": _l("Shift"), "weekday": _l("Weekday"), "on_date": _l("Date"), "required": _l("Staff needed"),
        "kind": _l("Kind"), "colour": _l("Colour"), "is_night": _l("Night shift"),
        "counts_as_workday": _l("Counts as a working day"), "start_time": _l("Start"), "end_time": _l("End"),
        "break_minutes": _l("Break (minutes)"), "min_rest_minutes": _l("Minimum rest (minutes)"),
        "max_consecutive_days": _l("Maximum consecutive working days"),
        "max_weekly_minutes": _l("Maximum weekly minutes"), "comprehensive_hours": _l("Comprehensive working hours"),
        "soft_rules": _l("Soft rules"), "cells": _l("Cells"), "breaches": _l("Breaches"),
        "hard_breaches": _l("Hard breaches"), "soft_breaches": _l("Warnings"), "days": _l("Days"),
        "starts_on": _l("From"), "ends_on": _l("To"), "days_off_granted": _l("Days off granted"),
        "days_off_requested": _l("Days off requested"), "seconds": _l("Seconds"), "added": _l("Added"),
        "removed": _l("Removed"), "kept_overrides": _l("HR entries kept"), "provisional": _l("Provisional"),
        "in_lieu": _l("Moved rest day"), "source": _l("Source"), "notified": _l("Notified"),
        "days_per_month": _l("Working days a month"), "shift_codes": _l("Shifts allowed"),
        "office_days_only": _l("Office days only"), "working_days_per_month": _l("Working days a month"),
        "working_days_tolerance": _l("Tolerance (days)"), "position_id": _l("Position"), "staff_id": _l("Staff member"),
    },
    value_label=_value_label,
)
