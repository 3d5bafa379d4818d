"""Every create form carries a one-time submission token, found by walking the app.

A create route is any web endpoint named like one (create_/new_/propose_/request_/add_/start_/upload_/bulk_/
issue_/adjust_) or served at .../new. The walk opens every GET page it can build a URL for, as an
administrator and as a department head with a staff record, reads each page's POST forms and checks that
every form posting to a create route renders `submission_token`; and that every create route was reached (a
new create route the walk cannot reach fails here until it is added to EXTRA_PAGES or, with a reason,
to NOT_A_CREATE / REACHED_ELSEWHERE).
"""
import re
import urllib.parse
from datetime import date, timedelta

import pytest

from hrapp.blueprints.appraisals.calibration.forms import AdjustForm as ResultAdjustForm
from hrapp.blueprints.appraisals.cycles.forms import AddPersonForm
from hrapp.blueprints.appraisals.metrics.forms import KpiUploadForm
from hrapp.blueprints.appraisals.templates.forms import CriterionCreateForm
from hrapp.blueprints.leave.setup.forms import AdjustForm
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster
from hrapp.blueprints.staff_import_export.forms import ImportConfirmForm
from hrapp.blueprints.training.courses.forms import RequiredCreateForm
from hrapp.blueprints.training.plans.forms import ItemCreateForm
from hrapp.extensions import db
from hrapp.forms import CreateForm
from hrapp.models import PeriodKind
from tests.races.web import html_forms
from tests.roster.fixtures import ROTATION

CREATE_NAME = re.compile(r"^(create|new|propose|request|add|start|upload|bulk|issue|adjust)_")
# Named like a create, but a second submit is harmless by design.
NOT_A_CREATE = {
    "roster.create_calendar_feed": "makes a new secret address each time; the old one stops working",
    "org.start_description": "opens the position's existing draft when there is one",
    "roster.add_member": "adds a person to a published roster: (roster, person) is its primary key and the form "
                         "carries the roster's version, so a second submit changes nothing",
    "accounts.issue_reset_link": "stores no record: each press shows a fresh signed link, and any one of them works once",
    "appraisal_cycles.start_head_scoring": "moves the cycle's stage: the form carries the cycle's version, so a second "
                                           "submit is stale",
    "appraisal_cycles.start_calibration": "moves the cycle's stage: the form carries the cycle's version, so a second "
                                          "submit is stale",
}
# Reached only after a step the walk does not take; their form class is checked instead.
REACHED_ELSEWHERE = {"staff_import_export.confirm_import": ImportConfirmForm,
                     "leave_setup.adjust_entitlement": AdjustForm,  # needs an entitlement, granted first
                     "training_courses.add_required_position": RequiredCreateForm,  # on a course's page: no course
                     "training_plans.add_plan_item": ItemCreateForm,  # needs a plan, created first
                     "appraisal_templates.add_criterion": CriterionCreateForm,  # on a template's page: no template
                     "appraisal_metrics.upload_kpis": KpiUploadForm,  # on a cycle's KPI page: no cycle
                     "appraisal_calibration.adjust_result": ResultAdjustForm,  # needs a cycle in calibration
                     "appraisal_cycles.add_person": AddPersonForm}  # on a cycle's page: no cycle


def create_routes(app) -> dict[str, str]:
    """URL rule -> endpoint of every create route (an endpoint may also serve an edit URL, which is not one)."""
    found = {}
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint.startswith("api") or rule.endpoint in NOT_A_CREATE:
            continue
        if CREATE_NAME.match(rule.endpoint.rpartition(".")[2]) or rule.rule.endswith("/new"):
            found[rule.rule] = rule.endpoint
    return found


def page_urls(app, args: dict) -> list[str]:
    """Every GET page whose URL arguments are all known (`args`)."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint.startswith(("api", "static", "bootstrap")):
            continue
        if rule.arguments <= set(args) and not rule.rule.endswith((".pdf", ".xlsx", ".ics", ".csv")):
            urls.append(rule.build({a: args[a] for a in rule.arguments})[1])
    return sorted(set(urls))


def walk(app, client, urls: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """create URL rule -> [(page, form carries the token)] for every form seen posting to it."""
    adapter = app.url_map.bind("localhost")
    creates = create_routes(app)
    seen: dict[str, list[tuple[str, bool]]] = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or not response.content_type.startswith("text/html"):
            continue
        for form in html_forms(response.get_data(as_text=True)):
            if form.method != "post":
                continue
            target = urllib.parse.urlsplit(form.action).path or urllib.parse.urlsplit(url).path
            try:
                rule, _args = adapter.match(target, method="POST", return_rule=True)
            except Exception:  # noqa: BLE001  (a form posting elsewhere)
                continue
            if rule.rule in creates:
                seen.setdefault(rule.rule, []).append((url, "submission_token" in form.values))
    return seen


@pytest.fixture
def walk_args(rostered, make_position):
    """`rostered`, a position, and two rosters ahead: next month's published (swaps are offered on it), the
    month after's a draft (days off are asked for on it)."""
    o = rostered
    position = make_position("P-WALK", department=o.front)
    ahead = date.today().replace(day=1) + timedelta(days=40)
    published = create_roster(o.head, o.front, PeriodKind.MONTH, ahead)
    db.session.flush()
    apply_pattern(o.head, published, ROTATION, {p.id: i for i, p in enumerate(o.people)}, None)
    publish_roster(o.head, published, None)
    draft = create_roster(o.head, o.front, PeriodKind.MONTH, ahead + timedelta(days=31))
    db.session.commit()
    return o, {"roster_id": draft.id, "department_id": o.front.id, "position_id": position.id,
               "staff_id": o.desk_staff.id, "name": "roster", "record_id": o.roster.id}


EXTRA_PAGES = (
    "/periods/close?module=roster&department_id={department_id}&month={month}",
    "/reports/issue/staff/{staff_id}",
)


def test_every_create_form_carries_a_one_time_token(app, client, auth, walk_args):
    o, args = walk_args
    extra = [page.format(month=date(2026, 5, 1).strftime("%Y-%m"), **args) for page in EXTRA_PAGES]
    seen: dict[str, list] = {}
    for login in ("admin", "head"):
        auth.login(login)
        for rule, forms in walk(app, client, page_urls(app, args) + extra).items():
            seen.setdefault(rule, []).extend(forms)
        auth.logout()

    without = sorted({(rule, page) for rule, forms in seen.items() for page, ok in forms if not ok})
    assert not without, f"create forms without a submission token: {without}"
    routes = create_routes(app)
    missing = {endpoint for rule, endpoint in routes.items() if rule not in seen} - set(REACHED_ELSEWHERE)
    assert not missing, f"create routes the walk did not reach (add their page to EXTRA_PAGES): {sorted(missing)}"
    assert all(issubclass(form, CreateForm) for form in REACHED_ELSEWHERE.values())
    assert len(seen) >= 12
