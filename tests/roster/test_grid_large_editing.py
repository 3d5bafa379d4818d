"""Editing a large department's roster (issue #10, point 17): a cell save reads only the edited people's cells
and checks only what the change can affect, with the whole roster's staffing; the coverage stays right after
every kind of change; the bulk steps return to the page and filter they were posted from."""
import re

import pytest

from hrapp.blueprints.roster.rules import RuleSettings
from hrapp.blueprints.roster.services import publish_roster, set_demand
from hrapp.blueprints.roster.services.setup import update_rule_settings
from hrapp.extensions import db
from hrapp.models import RestOwedEntry, Roster
from tests.roster.routing import page_cells
from tests.roster.test_grid_large import big, number_to_id, rows_of  # noqa: F401  (`big` is a fixture)
from tests.roster.test_grid_page import StatementLog

EARLY_1_MARCH = "2026-03-01/早"


def coverage(body: str, key: str = EARLY_1_MARCH) -> str:
    """The "staffed/needed" text of a day's footer cell on a grid page."""
    return re.search(rf'data-col="{key}"[^>]*>([^<]*)<', body).group(1)


def save(client, roster_id: int, edits: list[tuple[int, str, str | None]], query: str = "", **extra):
    """POST cell edits [(staff id, ISO day, code)] with the versions the grid shows, from the page `query`."""
    body = client.get(f"/roster/{roster_id}{query}").get_data(as_text=True)
    url = re.search(r'data-cells-url="([^"]+)"', body).group(1).replace("&amp;", "&")
    cells = page_cells(body)
    return client.post(url, json={"edits": [{"staff_id": s, "day": d, "code": code, "version": cells[(s, d)].version}
                                            for s, d, code in edits], **extra})


def test_a_cell_save_reads_only_the_edited_persons_cells_of_a_600_person_roster(client, auth, big):  # noqa: F811
    auth.login("head")
    person = number_to_id("H0060")
    body = client.get(f"/roster/{big.roster.id}?page=2").get_data(as_text=True)
    version = page_cells(body)[(person, "2026-03-05")].version
    with StatementLog() as log:
        response = client.post(f"/roster/{big.roster.id}/cells?page=2", json={"edits": [
            {"staff_id": person, "day": "2026-03-05", "code": "中", "version": version}]})
    assert response.status_code == 200, response.get_json()
    reads = [s for s in log.statements if s.lstrip().startswith("SELECT roster_cells.")]
    # each read of the roster's cells is one person's or one page's, or the per-day counts
    assert reads and all("staff_id IN" in s or "count(" in s for s in reads), reads
    assert db.session.get(Roster, big.roster.id).version_id > 1


def test_saves_and_bulk_steps_keep_the_whole_rosters_coverage_right(client, auth, big):  # noqa: F811
    auth.login("head")
    first = client.get(f"/roster/{big.roster.id}").get_data(as_text=True)
    assert coverage(first) == "3/5"  # page 3's three early shifts, seen from page 1
    h1 = number_to_id("H0001")
    answer = save(client, big.roster.id, [(h1, "2026-03-01", "早")]).get_json()
    assert answer["grid"]["columns"][EARLY_1_MARCH][:2] == [4, 5]
    assert coverage(client.get(f"/roster/{big.roster.id}?page=3").get_data(as_text=True)) == "4/5"
    stale = client.post(f"/roster/{big.roster.id}/cells", json={"edits": [
        {"staff_id": h1, "day": "2026-03-01", "code": None, "version": 0}]})
    assert stale.status_code == 409 and stale.get_json()["grid"]["columns"][EARLY_1_MARCH][:2] == [4, 5]
    cleared = save(client, big.roster.id, [(big.page3[0], "2026-03-01", None)], "?page=3")
    assert cleared.get_json()["grid"]["columns"][EARLY_1_MARCH][:2] == [3, 5]
    assert coverage(client.get(f"/roster/{big.roster.id}").get_data(as_text=True)) == "3/5"
    version = db.session.get(Roster, big.roster.id).version_id
    filled = client.post(f"/roster/{big.roster.id}/fill", data={  # a bulk step: everyone early on 1 March
        "fill-expected_version": version, "fill-shift_code": "早", "fill-first_day": "2026-03-01",
        "fill-last_day": "2026-03-01"})
    assert filled.status_code == 302
    assert coverage(client.get(f"/roster/{big.roster.id}").get_data(as_text=True)) == "600/5"


@pytest.fixture
def published_big(big):  # noqa: F811
    """`big` published; then understaffing made a hard rule and the Sunday early demand 3 (met on 1 March)."""
    publish_roster(big.head, big.roster, None)
    update_rule_settings(big.hr, RuleSettings(soft_rules=frozenset()))
    set_demand(big.head, big.front, big.types["早"], 3, weekday=6)
    db.session.commit()
    return big


def test_a_cell_save_on_a_published_600_person_roster_guards_the_persons_rules_and_the_whole_staffing(
        client, auth, published_big):
    w = published_big
    auth.login("head")
    h100 = w.page3[0]
    # a night on 1 March then an early shift: one hour of rest, a new hard breach of that person
    rest = save(client, w.roster.id, [(h100, "2026-03-01", "夜"), (h100, "2026-03-02", "早")], "?page=3",
                reason="swap")
    assert rest.status_code == 422 and rest.get_json()["error"] == "breach"
    assert any("H0100" in line for line in rest.get_json()["breaches"])
    # clearing one of the three early shifts of 1 March leaves it short of 3: only the whole roster's
    # count (not the edited person's one cell) shows the new breach
    short = save(client, w.roster.id, [(h100, "2026-03-01", None)], "?page=3", reason="ill")
    assert short.status_code == 422 and short.get_json()["error"] == "breach"
    fine = save(client, w.roster.id, [(h100, "2026-03-02", "早")], "?page=3", reason="cover")
    assert fine.status_code == 200, fine.get_json()
    assert coverage(client.get(f"/roster/{w.roster.id}").get_data(as_text=True)) == "3/3"


def test_a_cell_save_recomputes_only_the_edited_persons_rest_owed(client, auth, published_big):
    w = published_big
    others = db.session.execute(db.select(RestOwedEntry.id, RestOwedEntry.created_at).where(
        RestOwedEntry.roster_id == w.roster.id, RestOwedEntry.staff_id != w.page3[0])).all()
    auth.login("head")
    response = save(client, w.roster.id, [(w.page3[0], "2026-03-07", "早")], "?page=3", reason="weekend")
    assert response.status_code == 200, response.get_json()
    lines = db.session.scalars(db.select(RestOwedEntry).where(RestOwedEntry.roster_id == w.roster.id)).all()
    assert others and set(others) <= {(e.id, e.created_at) for e in lines}  # the others' lines were left alone
    assert {(e.staff_id, e.day.isoformat()) for e in lines} >= {(w.page3[0], "2026-03-07"), (w.page3[1], "2026-03-01")}


def test_bulk_steps_return_to_the_page_and_filter_they_came_from(client, auth, big):  # noqa: F811
    auth.login("head")
    body = client.get(f"/roster/{big.roster.id}?q=h01&page=2").get_data(as_text=True)
    for form in ("fill", "pattern", "copy", "generate", "publish"):
        action = re.search(rf'action="([^"]+)" id="{form}-form"', body).group(1).replace("&amp;", "&")
        assert action.endswith("?q=h01&page=2"), (form, action)
    version = db.session.get(Roster, big.roster.id).version_id
    h150 = number_to_id("H0150")
    done = client.post(f"/roster/{big.roster.id}/fill?q=h01&page=2", data={
        "fill-expected_version": version, "fill-staff_ids": h150, "fill-shift_code": "休",
        "fill-first_day": "2026-03-01", "fill-last_day": "2026-03-31"})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/roster/{big.roster.id}?q=h01&page=2")
    stale = client.post(f"/roster/{big.roster.id}/copy?page=3", data={"copy-expected_version": version})  # before the fill
    assert stale.status_code == 302 and stale.headers["Location"].endswith(f"/roster/{big.roster.id}?page=3")
    wrong = client.post(f"/roster/{big.roster.id}/fill?q=h01&page=2", data={
        "fill-expected_version": db.session.get(Roster, big.roster.id).version_id, "fill-shift_code": "早"})
    assert wrong.status_code == 200  # no days: the same page comes back with the form's errors
    assert rows_of(wrong.get_data(as_text=True)) == [f"H{i:04d}" for i in range(150, 200)]
    first = client.get(f"/roster/{big.roster.id}").get_data(as_text=True)
    assert re.search(r'action="/roster/\d+/fill" id="fill-form"', first)  # page 1 adds nothing
