"""Every edit form the app renders carries its record's version, and a stale one changes nothing.

Found by walking the app, not listed by hand: seed the demo company, open every page (URL arguments filled
from the demo data) as the first demo account allowed to open it, read the forms on it, and take as an
edit every POST form whose action names a record (a URL with an id). Each must carry the record's version
(`version_id`, or `expected_version` for the roster's bulk steps); posted with an old version it must
answer the one stale message and write nothing. A new edit form without a version fails here.
"""
import re

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalOutcome,
    AppraisalTemplate,
    Attempt,
    AuditEntry,
    Course,
    Criterion,
    Department,
    Enrolment,
    ImprovementPlan,
    InductionAssignment,
    IssuedDocument,
    JobDescription,
    Notification,
    PeriodClose,
    PlanItem,
    Position,
    Roster,
    ShiftSwap,
    ShiftType,
    StaffMember,
    TrainingNeed,
    TrainingPlan,
    TrainingSession,
    User,
)
from hrapp.models.roster import DayOffRequest
from tests.conftest import count
from tests.forms_html import forms_on

PASSWORD = "Demo-Password-2026"
ACCOUNTS = ("admin", "hr", "head", "staff")  # who tries to open a page, in this order
VERSION_FIELDS = ("version_id", "expected_version")
STALE = "Someone else changed this record; reload and try again."

# Forms that post to a record's URL but edit nothing of that record (each with the reason); an endpoint
# serving both "new under a parent" and "edit" is named with the URL arguments of the "new" case.
NOT_EDITS = {
    "auth.set_locale": "the interface language of the session, no record",
    "org.start_description": "opens a new draft version (or the open one): creates, never edits",
    "attachments.upload_attachment": "adds a file to the record: creates an attachment",
    "reports.issue_document": "issues a new document for the record: creates",
    "notifications.open_notification": "marks my own notification read and follows its link",
    "roster.add_roster_day_off": "records a new day-off wish in the roster: creates",
    "roster.edit_shift_type(department_id)": "a new shift type for the department: creates",
    "roster.set_date_demand": "sets the figure of one date from a blank form (it shows no figure to go stale)",
    "accounts.issue_reset_link": "shows a fresh one-time password link; the account itself is not edited",
    "roster.adjust_rest": "adds an adjustment entry to the rest-owed ledger (a balance is the sum): creates",
    "training_courses.add_required_position": "a new required position of the course: creates",
    "training_courses.remove_required_position": "deletes a row without a version (already gone: said plainly)",
    "training_plans.add_plan_item": "a new item of the plan: creates",
    "training_sessions.enrol_people": "new places in the session (refusals per person): creates",
    "training_sessions.enrol_self": "my own new place in the session: creates",
    "training_results.record_score": "a new attempt (the number is the next one; a double submit is refused)",
    "training_results.give_session_feedback": "my one feedback on the session: creates",
    "appraisal_templates.copy_template": "a new template made from this one: creates",
    "appraisal_cycles.add_person": "a new appraisal in the cycle: creates",
    "appraisal_scoring.give_peer_feedback": "my one anonymous feedback on a colleague's appraisal: creates",
}

# Forms that edit the company's one row of something: no id in their URL, but an edit all the same.
SINGLETON_EDITS = ("org.edit_settings", "roster.edit_rules")

# URL argument -> the model whose first row fills it (the demo's staff account edits its own contact).
RECORDS = {
    "user_id": User, "department_id": Department, "position_id": Position, "description_id": JobDescription,
    "roster_id": Roster, "shift_type_id": ShiftType, "swap_id": ShiftSwap, "close_id": PeriodClose,
    "doc_id": IssuedDocument, "request_id": DayOffRequest, "notification_id": Notification,
    "course_id": Course, "session_id": TrainingSession, "plan_id": TrainingPlan, "item_id": PlanItem,
    "need_id": TrainingNeed, "enrolment_id": Enrolment, "attempt_id": Attempt,
    "induction_id": InductionAssignment,
    "template_id": AppraisalTemplate, "criterion_id": Criterion, "cycle_id": AppraisalCycle, "appraisal_id": Appraisal,
    "outcome_id": AppraisalOutcome, "improvement_plan_id": ImprovementPlan,
}


def _argument_values() -> dict[str, object]:
    values = {name: db.session.scalar(sa.select(model.id).order_by(model.id).limit(1)) for name, model in RECORDS.items()}
    values["staff_id"] = db.session.scalar(sa.select(User.staff_id).where(User.username == "staff"))
    # a department with rosters, so its roster set-up pages (demand, shift types, rest owed) open
    values["department_id"] = db.session.scalar(sa.select(Roster.department_id).order_by(Roster.id).limit(1)) \
        or values["department_id"]
    values["user_id"] = db.session.scalar(sa.select(User.id).where(User.username == "staff"))
    return values


def _pages(app) -> list[str]:
    """Every GET page of the web UI whose URL arguments the demo data fills."""
    values, urls = _argument_values(), []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(("/api/", "/static", "/bootstrap")):
            continue
        if any(values.get(arg) is None for arg in rule.arguments - set(rule.defaults or {})):
            continue
        with app.test_request_context():
            urls.append(app.url_for(rule.endpoint, **{a: values[a] for a in rule.arguments - set(rule.defaults or {})}))
    return sorted(set(urls))


def _version_fields(form) -> list[str]:
    """The form's version fields (a prefixed form, e.g. the roster's `fill-expected_version`, included)."""
    return [name for name, _ in form.values if name.rsplit("-", 1)[-1] in VERSION_FIELDS]


def _key(endpoint: str, arguments: dict) -> str:
    return f"{endpoint}({','.join(sorted(arguments))})"


def _not_an_edit(endpoint: str, arguments: dict) -> bool:
    return endpoint in NOT_EDITS or _key(endpoint, arguments) in NOT_EDITS


def _endpoint(app, path: str):
    """(endpoint, arguments) of a POST URL, or None."""
    adapter = app.url_map.bind("localhost")
    try:
        return adapter.match(path.split("?")[0], method="POST")
    except Exception:  # noqa: BLE001 - not a POST route of this app
        return None


@pytest.fixture
def demo(app, runner):
    result = runner.invoke(args=["seed-demo", "--staff", "40", "--seed", "3", "--password", PASSWORD])
    assert result.exit_code == 0, result.output


def _login(app, username):
    client = app.test_client()
    client.post("/auth/locale/en")
    assert client.post("/auth/login", data={"identifier": username, "password": PASSWORD}).status_code == 302
    return client


def _edit_forms(app) -> list[tuple[str, object, object]]:
    """(page, client, form) for every POST form that edits an existing record, one per action endpoint."""
    clients = {name: _login(app, name) for name in ACCOUNTS}
    found: dict[str, tuple] = {}
    for url in _pages(app):
        for client in clients.values():
            response = client.get(url)
            if response.status_code == 200 and response.mimetype == "text/html":
                for form in forms_on(response.get_data(as_text=True), url):
                    match = _endpoint(app, form.action) if form.method == "post" else None
                    is_edit = match and (match[1] or match[0] in SINGLETON_EDITS) and not _not_an_edit(*match)
                    if is_edit and _key(*match) not in found:
                        found[_key(*match)] = (url, client, form)
                break
    return list(found.values())


def test_every_edit_form_carries_a_version_and_refuses_a_stale_one(app, demo):
    forms = _edit_forms(app)
    assert len(forms) >= 10, [f.action for _, _, f in forms]  # the walk found the app's edit forms
    missing = [f"{page} -> {form.action}" for page, _, form in forms
               if not any(form.value(name) for name in _version_fields(form))]
    assert not missing, "edit forms without the record's version:\n" + "\n".join(missing)
    not_refused = []
    for page, client, form in forms:
        audit_rows = count(AuditEntry)
        # a version the record does not have (the one before it, or 1 for a record still at 0)
        stale = {name: str(int(form.value(name)) - 1 if int(form.value(name)) > 0 else 1)
                 for name in _version_fields(form)}
        response = client.post(form.action, data=form.replaced(**stale), follow_redirects=True)
        body = re.sub(r"\s+", " ", response.get_data(as_text=True))
        if STALE not in body or count(AuditEntry) != audit_rows:
            not_refused.append(f"{page} -> {form.action}: {response.status_code}")
    assert not not_refused, "stale forms not refused with the stale message:\n" + "\n".join(not_refused)


def test_the_walk_sees_a_form_without_a_version(app, demo, monkeypatch):
    """The check above is not vacuous: the department form without its version field is reported."""
    from hrapp.blueprints.org import routes
    from hrapp.blueprints.org.forms import DepartmentForm

    class DepartmentFormWithoutVersion(DepartmentForm):
        version_id = None  # WTForms: removes the inherited field

    monkeypatch.setattr(routes, "DepartmentForm", DepartmentFormWithoutVersion)
    forms = _edit_forms(app)
    department_form = [f for _, _, f in forms if f.action.endswith("/edit") and "/departments/" in f.action]
    assert department_form and department_form[0].value("version_id") is None


def test_stale_demo_staff_record_is_not_overwritten(app, demo):
    """One concrete case of the walk: HR's stale save of a staff record writes nothing."""
    hr = _login(app, "hr")
    staff_id = db.session.scalar(sa.select(User.staff_id).where(User.username == "staff"))
    page = hr.get(f"/staff/{staff_id}/edit").get_data(as_text=True)
    form = next(f for f in forms_on(page, f"/staff/{staff_id}/edit") if f.action == f"/staff/{staff_id}/edit")
    name = db.session.get(StaffMember, staff_id).name_zh
    response = hr.post(form.action, data=form.replaced(version_id="0", name_zh="改名"))
    assert STALE in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(StaffMember, staff_id).name_zh == name
