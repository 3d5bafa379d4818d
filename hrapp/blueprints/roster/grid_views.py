"""Roster list, creation, the grid page, its JSON cell editing, change history and the shift colour stylesheet."""

from flask import Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.roster.access import RosterPerm, can_edit_department_rosters, can_edit_roster, can_view_roster
from hrapp.blueprints.roster.colours import stylesheet
from hrapp.blueprints.roster.forms import (
    AddMemberForm,
    CopyPreviousForm,
    FillRangeForm,
    GenerateForm,
    LockForm,
    PatternForm,
    PublishForm,
    RosterCreateForm,
    default_offsets,
)
from hrapp.blueprints.roster.gridview import (
    GridPager,
    breach_lines,
    error_body,
    grid_page,
    grid_payload,
    grid_people,
    parse_cell_edits,
    row_query,
    staff_labels,
)
from hrapp.blueprints.roster.queries import (
    editable_departments,
    roster_and_close,
    roster_overview,
    rosters_of,
    shift_colours,
    staff_names,
    swaps_to_decide,
)
from hrapp.blueprints.roster.services import (
    RosterBreachError,
    RosterValidationError,
    StaleRosterError,
    create_roster,
    open_swaps,
    roster_changes,
    roster_grid,
    set_cells,
)
from hrapp.blueprints.roster.services.closing import MODULE_NAME
from hrapp.blueprints.roster.services.members import roster_newcomers
from hrapp.company import company_today
from hrapp.core.caching import cacheable
from hrapp.core.listing import Listing
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Department, PeriodKind, Roster, RosterStatus
from hrapp.naming import coded_name, display_name
from hrapp.period_close import PeriodClosed, closed_for
from hrapp.permissions import check_or_404, get_or_404, permission_required

ROSTERS = Listing(sorts={"period": Roster.starts_on, "kind": Roster.period_kind, "status": Roster.status,
                         "published": Roster.published_at},
                  default_sort="-period", tiebreak=(Roster.id.desc(),), per_page=50)


def _list_page(form: RosterCreateForm, department_id: int | None):
    """One department's rosters; without `department_id`, every department the user works with (all for HR,
    the headed ones for a head) with its current and next roster's state."""
    departments = editable_departments(current_user)
    department = next((d for d in departments if d.id == department_id), None)
    form.department_id.choices = [(d.id, coded_name(d)) for d in departments]
    if department is not None and form.department_id.data is None:
        form.department_id.data = department.id
    rosters = ROSTERS.page(rosters_of(department.id), request.args, "roster.list_rosters") if department else None
    overview = roster_overview(departments, company_today()) if department is None else []
    return render_template("roster/roster_list.html", departments=departments, department=department, form=form,
                           rosters=rosters, overview=overview, to_decide=swaps_to_decide(current_user),
                           title=_("Rosters"))


@permission_required(RosterPerm.ROSTER_EDIT)
def list_rosters():
    """The departments the user works with and their rosters' states; `?department=` lists one's rosters."""
    return _list_page(RosterCreateForm(formdata=None, day=company_today()), request.args.get("department", type=int))


@permission_required(RosterPerm.ROSTER_EDIT)
def create_new_roster():
    """Start a draft roster for a week or a month (an overlapping period is refused)."""
    form = RosterCreateForm()
    form.department_id.choices = []
    if form.validate_on_submit():
        department = get_or_404(Department, form.department_id.data, check=can_edit_department_rosters)
        try:
            with duplicates_refused(RosterValidationError):
                roster = create_roster(current_user, department, PeriodKind(form.period_kind.data), form.day.data)
                db.session.commit()
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors, {"period": "day"})
        except PeriodClosed as exc:
            db.session.rollback()
            flash(str(exc), "danger")
        else:
            flash(_("Roster created."), "success")
            return redirect(url_for("roster.show_roster", roster_id=roster.id))
    return _list_page(form, form.department_id.data)


def bulk_forms(grid, overrides: dict) -> dict:
    """The grid page's forms at the grid's version; `overrides` are submitted forms shown with their errors."""
    v, rows = grid.version, grid_people(grid)  # the pattern reaches every row, not just the page's
    codes = [t for t in grid.shift_types if t.is_active]
    forms = {
        "fill": FillRangeForm(prefix="fill", formdata=None, expected_version=v, first_day=grid.starts_on,
                              last_day=grid.ends_on),
        "previous": CopyPreviousForm(prefix="copy", formdata=None, expected_version=v),
        "pattern": PatternForm(prefix="pattern", formdata=None, expected_version=v, offsets=default_offsets(rows),
                               pattern=default_pattern(codes), first_day=grid.starts_on, last_day=grid.ends_on),
        "generate": GenerateForm(prefix="generate", formdata=None, expected_version=v),
        "publish": PublishForm(prefix="publish", formdata=None, expected_version=v),
        "lock": LockForm(prefix="lock", formdata=None, expected_version=v),
    } | overrides
    # the page's people: a select of hundreds is slow to render and to use (the filter finds anyone)
    forms["fill"].staff_ids.choices = [(r.staff_id, f"{r.staff_number} {r.name}") for r in grid.rows]
    forms["fill"].shift_code.choices = [("", _("(empty the cells)"))] + [(t.code, coded_name(t)) for t in codes]
    return forms


def default_pattern(shift_types) -> str:
    """Each working shift twice, then two rest days (早早中中晚晚休休), as a starting point."""
    work = "".join(t.code * 2 for t in shift_types if t.kind == "work")
    rest = next((t.code for t in shift_types if t.kind == "rest"), "")
    return work + rest * 2 if work else ""


_LOOK_UP = object()


def render_grid(roster: Roster, status: int = 200, closed=_LOOK_UP, **extra):
    """The grid page: editors get the whole grid and its tools; others their own row of a published roster.
    A roster in a closed period shows read-only with the period-close message (`closed`: the close, if the
    caller loaded it already).

    `extra` holds submitted forms (by name) to show with their errors, or `shortfalls`/`publish_breaches`.
    """
    editable = can_edit_roster(current_user, roster)
    if closed is _LOOK_UP:
        closed = closed_for(MODULE_NAME, roster.department, roster.starts_on, roster.ends_on)
    own = None if editable else ((current_user.staff_id if roster.status != RosterStatus.DRAFT else -1) or -1)
    grid = roster_grid(roster, row_query(request.args, own))
    page = grid_page(grid, own)
    forms = bulk_forms(grid, {k: v for k, v in extra.items() if k in FORM_NAMES}) if editable and not closed else {}
    info = {k: v for k, v in extra.items() if k not in FORM_NAMES}
    info["breaches"] = breach_lines(info.get("breaches", ()), staff_labels(grid))
    if editable and not closed:
        info["newcomers"] = roster_newcomers(roster)
        info["member_form"] = AddMemberForm(prefix="member", formdata=None, expected_version=grid.version)
    pager = GridPager(roster.id, grid.paging) if grid.paging else None
    return render_template("roster/roster_grid.html", roster=roster, page=page, editable=editable, forms=forms,
                           pager=pager, cells_args=pager.query_args() if pager else {},
                           back_args=pager.back_args() if pager else {},
                           closed_message=str(PeriodClosed(closed)) if closed else "",
                           swaps=open_swaps(roster) if editable else [], **info,
                           calendar_warning=grid.calendar_warning,
                           title=_("Roster %(dept)s %(first)s – %(last)s", dept=display_name(roster.department),
                                   first=roster.starts_on, last=roster.ends_on)), status


FORM_NAMES = frozenset({"fill", "previous", "pattern", "generate", "publish", "lock"})


@login_required
def show_roster(roster_id: int):
    """The roster grid (read-only own row for staff; read-only for everyone in a closed period)."""
    roster, closed = roster_and_close(roster_id) or abort(404)
    check_or_404(roster, can_view_roster)
    return render_grid(roster, closed=closed)


@permission_required(RosterPerm.ROSTER_EDIT)
def roster_cells(roster_id: int):
    """The grid state as JSON (cells with versions, breaches, totals): the script reloads from it."""
    roster = get_or_404(Roster, roster_id, check=can_edit_roster)
    return jsonify(grid=grid_payload(roster_grid(roster, row_query(request.args))))


@permission_required(RosterPerm.ROSTER_EDIT)
def save_cells(roster_id: int):
    """Set cells from the grid script: each edit carries the cell version its editor saw; a stale one is
    refused (409) with the current grid, so two editors never silently overwrite each other. The answer's
    grid holds the rows of the page in `?page=`/`?q=` (the script's page)."""
    roster = get_or_404(Roster, roster_id, check=can_edit_roster)
    try:
        req = parse_cell_edits(request.get_json(silent=True))
    except ValueError as exc:
        return jsonify(error="bad_request", message=str(exc)), 400
    try:
        result = set_cells(current_user, roster, req.edits, req.reason, req.override_reason)
    except (StaleRosterError, RosterValidationError, RosterBreachError, PeriodClosed) as exc:
        db.session.rollback()
        grid = roster_grid(roster, row_query(request.args))
        status, body = error_body(exc, grid)
        return jsonify(grid=grid_payload(grid), **body), status
    db.session.commit()
    return jsonify(changed=result.changed, grid=grid_payload(roster_grid(roster, row_query(request.args))))


@login_required
def list_changes(roster_id: int):
    """Changes made after publishing (who, when, why, old → new): editors see all, others their own."""
    roster = get_or_404(Roster, roster_id, check=can_view_roster)
    changes = roster_changes(roster, None if can_edit_roster(current_user, roster) else (current_user.staff_id or -1))
    return render_template("roster/roster_changes.html", roster=roster, changes=changes,
                           names=staff_names(c.staff_id for c in changes), title=_("Changes after publishing"))


@cacheable
@login_required
def shift_colours_css():
    """A stylesheet with one class per shift colour in use (inline styles are barred by the CSP)."""
    response = Response(stylesheet(shift_colours()), mimetype="text/css")
    response.headers["Cache-Control"] = "private, no-cache"
    response.add_etag()
    return response.make_conditional(request)
