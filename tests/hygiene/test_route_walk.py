"""Walk every GET route of the app with real data: personal data is never cacheable (no-store on every
authenticated answer and download), and no id or query value out of range ends in a 5xx."""
import re

import pytest

from hrapp.blueprints.reports import services
from hrapp.blueprints.roster.documents import ROSTER
from hrapp.blueprints.roster.services.schedule import issue_feed_token
from hrapp.extensions import db
from hrapp.models import Attachment
from tests.attachments.conftest import PDF, upload
from tests.reports.conftest import pki_settings_  # noqa: F401 - fixture

HUGE = 10**25
JUNK_QUERY = ("page=abc&per_page=-1&department=99999999999999999999&staff=99999999999999999999&year=9999999999"
              "&weeks=99999999999999999999&sort=-nope&on=2026-13-45&month=99999999999999999999")


@pytest.fixture
def walk_data(rostered, auth, client, app, tmp_path, monkeypatch):
    """`rostered` plus an issued roster PDF, an attachment on the desk clerk's record and a calendar feed."""
    monkeypatch.setitem(app.config, "ATTACHMENTS_DIR", str(tmp_path / "attachments"))
    o = rostered
    o.doc = services.issue_document(ROSTER, o.roster, o.head)
    _row, o.feed_token = issue_feed_token(o.fo_user)
    db.session.commit()
    auth.login("hr")
    assert upload(client, o.desk_staff, PDF).status_code == 302
    auth.logout()
    return o


def _args(rule, o) -> dict:
    """URL arguments for `rule` from the walk's data (unknown ids stay 1: a 404 is a fine answer too)."""
    attachment = db.session.query(Attachment).first()
    values = {"staff_id": o.desk_staff.id, "department_id": o.front.id, "user_id": o.staff.id,
              "roster_id": o.roster.id, "doc_id": o.doc.id, "record_id": o.roster.id, "name": "roster",
              "fmt": "xlsx", "token": o.feed_token, "attachment_id": attachment.id if attachment else 1,
              "filename": "x.css"}
    return {arg: values.get(arg, 1) for arg in rule.arguments}


def _get_rules(app):
    return [r for r in app.url_map.iter_rules()
            if "GET" in r.methods and not (r.endpoint == "static" or r.endpoint.endswith(".static"))]


def _paths(app, o):
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        return [(rule, adapter.build(rule.endpoint, _args(rule, o))) for rule in _get_rules(app)]


@pytest.mark.parametrize("who", ["hr", "zhangsan"])
def test_every_authenticated_answer_is_no_store(app, client, auth, walk_data, who):
    auth.login(who)
    answers = {path: client.get(path) for _rule, path in _paths(app, walk_data)}
    served = [p for p, r in answers.items() if r.status_code == 200]
    wrong = [f"{p}: {r.status_code} {r.headers.get('Cache-Control')}" for p, r in answers.items()
             if r.status_code >= 500 or r.headers.get("Cache-Control") != "no-store"]
    # The stylesheet of shift colours holds no personal data and keeps its own caching.
    wrong = [w for w in wrong if "/shift-colours.css" not in w]
    assert not wrong, "\n".join(wrong)
    if who == "hr":  # the downloads were really served, not refused
        for download in (r"/reports/documents/\d+/pdf", r"/roster/\d+/export\.xlsx", r"/attachments/\d+$",
                         r"/staff-import-export/export\.xlsx", r"/roster/feed/.+\.ics"):
            assert any(re.search(download, p) for p in served), download
        assert len(served) > 40


def test_static_files_stay_cacheable(client, auth, org):
    auth.login("hr")
    response = client.get("/static/app.css")
    assert response.status_code == 200 and response.headers.get("Cache-Control") != "no-store"


def test_every_route_with_a_huge_id_is_404(app, client, auth, walk_data):
    auth.login("hr")
    rules = [r for r in _get_rules(app) if "<int:" in r.rule]
    assert len(rules) > 20
    failures = []
    for rule in rules:
        path = re.sub(r"<int:\w+>", str(HUGE), rule.rule)
        values = _args(rule, walk_data)
        path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", lambda m, v=values: str(v[m.group(1)]), path)
        for number in (HUGE, 2**31, 2**63):
            answer = client.get(path.replace(str(HUGE), str(number)))
            if answer.status_code != 404:
                failures.append(f"{rule.rule} {number}: {answer.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("who", ["hr", "head", "zhangsan"])
def test_out_of_range_query_values_never_give_a_5xx(app, client, auth, walk_data, who):
    auth.login(who)
    failures = []
    for _rule, path in _paths(app, walk_data):
        answer = client.get(f"{path}?{JUNK_QUERY}")
        if answer.status_code >= 500:
            failures.append(f"{path}: {answer.status_code}")
    assert not failures, "\n".join(failures)
