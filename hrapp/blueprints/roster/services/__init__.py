"""Roster services (DB orchestration; they never commit): the API the views, the CLI and the demo use."""
from hrapp.blueprints.roster.services.calendar_years import CalendarWarning, YearStatus, calendar_warning, year_status
from hrapp.blueprints.roster.services.changes import apply_changes, check_version, require_override
from hrapp.blueprints.roster.services.day_off import (
    day_off_requests,
    my_day_off_requests,
    request_day_off,
    withdraw_day_off,
)
from hrapp.blueprints.roster.services.demo import RosterSeedReport, seed_rosters
from hrapp.blueprints.roster.services.editing import (
    BulkResult,
    CellEdit,
    apply_pattern,
    copy_previous_period,
    create_roster,
    fill_range,
    previous_roster,
    set_cells,
)
from hrapp.blueprints.roster.services.facts import RosterData, demand_for, load_roster_data, rule_settings
from hrapp.blueprints.roster.services.generating import generate_roster, generation_problem
from hrapp.blueprints.roster.services.grid import GridCell, GridDay, GridRow, GridShiftType, RosterGrid, roster_grid
from hrapp.blueprints.roster.services.messages import (
    RosterBreachError,
    RosterValidationError,
    StaleRosterError,
    breach_message,
)
from hrapp.blueprints.roster.services.publishing import (
    department_rosters,
    lock_roster,
    publish_roster,
    roster_breaches,
    roster_changes,
)
from hrapp.blueprints.roster.services.rest_owed import (
    accrue_rest_owed,
    adjust_rest_owed,
    rest_owed_balance,
    rest_owed_balances,
    rest_owed_ledger,
    rest_owed_summary,
)
from hrapp.blueprints.roster.services.schedule import (
    ScheduledShift,
    feed_ics,
    issue_feed_token,
    my_changes,
    my_schedule,
    revoke_feed_tokens,
    user_for_feed_token,
)
from hrapp.blueprints.roster.services.setup import (
    HolidaySync,
    library_days,
    rule_settings_version,
    save_shift_type,
    set_company_day,
    set_demand,
    set_shift_type_active,
    sync_company_holidays,
    update_rule_settings,
)
from hrapp.blueprints.roster.services.swaps import (
    accept_swap,
    approve_swap,
    cancel_swap,
    decline_swap,
    open_swaps,
    propose_swap,
    reject_swap,
    swap_breaches,
)

__all__ = [
    "CalendarWarning", "YearStatus", "calendar_warning", "year_status",
    "BulkResult", "CellEdit", "GridCell", "GridDay", "GridRow", "GridShiftType", "HolidaySync", "RosterBreachError",
    "RosterData", "RosterGrid", "RosterSeedReport", "RosterValidationError", "ScheduledShift", "StaleRosterError",
    "accept_swap", "accrue_rest_owed", "adjust_rest_owed", "apply_changes", "apply_pattern", "approve_swap",
    "breach_message", "cancel_swap", "check_version", "copy_previous_period", "create_roster", "day_off_requests",
    "decline_swap", "department_rosters", "my_day_off_requests", "request_day_off", "withdraw_day_off",
    "demand_for", "feed_ics", "fill_range", "generate_roster", "generation_problem", "issue_feed_token",
    "library_days", "load_roster_data", "lock_roster", "my_changes", "my_schedule", "open_swaps",
    "previous_roster", "propose_swap", "publish_roster", "reject_swap", "rest_owed_balance",
    "require_override", "rest_owed_balances", "rest_owed_ledger", "rest_owed_summary", "revoke_feed_tokens", "roster_breaches",
    "roster_changes", "roster_grid", "rule_settings", "save_shift_type", "seed_rosters", "set_cells",
    "set_company_day", "set_demand", "set_shift_type_active", "swap_breaches", "sync_company_holidays",
    "update_rule_settings", "rule_settings_version", "user_for_feed_token",
]
