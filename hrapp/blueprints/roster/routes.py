"""The roster blueprint's URL map; the views live in one module per topic (indico's blueprint.py style).

Every view checks access itself through hrapp.permissions; only the calendar feed is public (its secret
token is the key).
"""
from flask import Blueprint

from hrapp.blueprints.roster import (
    bulk_views,
    day_off_views,
    export_views,
    grid_views,
    members_views,
    rest_views,
    schedule_views,
    settings_views,
    setup_views,
    swap_views,
    terms_views,
)
from hrapp.blueprints.roster.colours import css_class
from hrapp.blueprints.roster.labels import badge, holiday_name, roster_label

bp = Blueprint("roster", __name__, url_prefix="/roster")

GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]
URLS = [
    # rosters and the grid
    ("/", grid_views.list_rosters, GET),
    ("/new", grid_views.create_new_roster, POST),
    ("/<int:roster_id>", grid_views.show_roster, GET),
    ("/<int:roster_id>/cells", grid_views.roster_cells, GET),
    ("/<int:roster_id>/cells", grid_views.save_cells, POST),
    ("/<int:roster_id>/changes", grid_views.list_changes, GET),
    ("/<int:roster_id>/export.xlsx", export_views.export_roster, GET),
    ("/shift-colours.css", grid_views.shift_colours_css, GET),
    ("/<int:roster_id>/fill", bulk_views.fill_cells, POST),
    ("/<int:roster_id>/copy", bulk_views.copy_cells, POST),
    ("/<int:roster_id>/pattern", bulk_views.pattern_cells, POST),
    ("/<int:roster_id>/generate", bulk_views.generate_cells, POST),
    ("/<int:roster_id>/publish", bulk_views.publish, POST),
    ("/<int:roster_id>/lock", bulk_views.lock, POST),
    ("/<int:roster_id>/members", members_views.add_member, POST),
    ("/<int:roster_id>/days-off", day_off_views.roster_days_off, GET),
    ("/<int:roster_id>/days-off", day_off_views.add_roster_day_off, POST),
    # a department's set-up
    ("/departments/<int:department_id>/shift-types", setup_views.list_shift_types, GET),
    ("/departments/<int:department_id>/shift-types/new", setup_views.edit_shift_type, BOTH),
    ("/shift-types/<int:shift_type_id>/edit", setup_views.edit_shift_type, BOTH),
    ("/shift-types/<int:shift_type_id>/retire", setup_views.retire_shift_type, POST),
    ("/shift-types/<int:shift_type_id>/restore", setup_views.restore_shift_type, POST),
    ("/departments/<int:department_id>/demand", setup_views.edit_demand, BOTH),
    ("/departments/<int:department_id>/demand/date", setup_views.set_date_demand, POST),
    ("/departments/<int:department_id>/rest-owed", rest_views.show_rest_owed, GET),
    ("/departments/<int:department_id>/rest-owed/adjust", rest_views.adjust_rest, POST),
    ("/departments/<int:department_id>/work-terms", terms_views.edit_work_terms, BOTH),
    ("/departments/<int:department_id>/working-days", terms_views.edit_work_defaults, POST),
    # company settings (HR)
    ("/settings/holidays", settings_views.list_holidays, GET),
    ("/settings/holidays/sync", settings_views.sync_holidays, POST),
    ("/settings/holidays/day", settings_views.set_holiday, POST),
    ("/settings/rules", settings_views.edit_rules, BOTH),
    # the person's own schedule, swaps and calendar feed
    ("/me", schedule_views.show_my_schedule, GET),
    ("/me/calendar", schedule_views.show_calendar_feed, GET),
    ("/me/calendar/new", schedule_views.create_calendar_feed, POST),
    ("/me/calendar/revoke", schedule_views.revoke_calendar_feed, POST),
    ("/feed/<token>.ics", schedule_views.calendar_feed, GET),
    ("/me/days-off", day_off_views.request_my_day_off, POST),
    ("/days-off/<int:request_id>/withdraw", day_off_views.withdraw_day_off_request, POST),
    ("/me/swaps", swap_views.propose, POST),
    ("/swaps", swap_views.list_swaps, GET),
    ("/<int:roster_id>/swaps/<int:swap_id>", swap_views.show_swap, GET),
    ("/<int:roster_id>/swaps/<int:swap_id>/accept", swap_views.accept, POST),
    ("/<int:roster_id>/swaps/<int:swap_id>/decline", swap_views.decline, POST),
    ("/<int:roster_id>/swaps/<int:swap_id>/cancel", swap_views.cancel, POST),
    ("/<int:roster_id>/swaps/<int:swap_id>/approve", swap_views.approve, POST),
    ("/<int:roster_id>/swaps/<int:swap_id>/reject", swap_views.reject, POST),
]
ENDPOINT_NAMES = {
    # Shorter module-level names where the endpoint reads better with the noun.
    bulk_views.publish: "publish_roster", bulk_views.lock: "lock_roster", swap_views.propose: "propose_swap",
    swap_views.accept: "accept_swap", swap_views.decline: "decline_swap", swap_views.cancel: "cancel_swap",
    swap_views.approve: "approve_swap", swap_views.reject: "reject_swap",
}

for rule, view, methods in URLS:
    bp.add_url_rule(rule, ENDPOINT_NAMES.get(view, view.__name__), view, methods=methods)


@bp.app_context_processor
def roster_template_globals() -> dict:
    """Every template gets the roster labels."""
    return {"roster_label": roster_label, "roster_badge": badge, "holiday_name": holiday_name,
            "shift_class": css_class}
