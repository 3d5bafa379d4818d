"""The roster list, creation, the grid's JSON cell editing (conflicts, bad input, breaches) and the grid
page's bulk forms (pattern, fill, copy, generate, publish, lock)."""
import re

import sqlalchemy as sa

from hrapp.blueprints.roster.services import CellEdit, set_cells, set_demand
from hrapp.extensions import db
from hrapp.models import Roster, RosterCell, RosterChange, RosterStatus, ShiftType
from tests.roster import routing
from tests.roster.routing import day, edit, grid_json, version_of

site = routing.site  # the fixture


def cells_of(roster) -> dict:
    rows = db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day, ShiftType.code)
                              .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == roster.id))
    return {(s, d): code for s, d, code in rows}


def status_of(roster) -> RosterStatus:
    return db.session.scalar(sa.select(Roster.status).where(Roster.id == roster.id))


def version(roster) -> int:
    return db.session.scalar(sa.select(Roster.version_id).where(Roster.id == roster.id))


class TestListAndCreate:
    def test_list_shows_the_departments_rosters_with_states(self, client, auth, site):
        auth.login("head")
        body = client.get(f"/roster/?department={site.front.id}").get_data(as_text=True)
        assert f'data-roster-id="{site.roster.id}" data-status="published"' in body
        assert f'data-roster-id="{site.hk_roster.id}"' not in body
        assert f'value="{site.housekeeping.id}"' not in body  # HK is not in the head's picker

    def test_create_then_overlap_is_refused_with_a_message(self, client, auth, world):
        auth.login("head")
        data = {"department_id": world.front.id, "period_kind": "month", "day": "2026-04-10"}
        response = client.post("/roster/new", data=data)
        assert response.status_code == 302 and re.search(r"/roster/\d+$", response.headers["Location"])
        again = client.post("/roster/new", data=data | {"period_kind": "week", "day": "2026-04-27"})
        assert again.status_code == 200
        body = again.get_data(as_text=True)
        assert 'id="create-roster-form"' in body and "is-invalid" in body
        assert db.session.scalar(sa.select(sa.func.count(Roster.id))) == 2  # March and April

    def test_create_needs_a_date(self, client, auth, world):
        auth.login("head")
        response = client.post("/roster/new", data={"department_id": world.front.id, "period_kind": "week"})
        assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True)


class TestCellEditing:
    def test_edit_returns_the_grid_with_versions_totals_and_breaches(self, client, auth, world):
        auth.login("head")
        before = grid_json(client, world.roster.id)["version"]
        response = client.post(f"/roster/{world.roster.id}/cells",
                               json={"edits": [edit(world.b.id, day(2), "夜", 0), edit(world.b.id, day(3), "早", 0)]})
        assert response.status_code == 200
        grid = response.get_json()["grid"]
        assert response.get_json()["changed"] == 2 and grid["version"] > before
        assert grid["cells"][f"{world.b.id}/2026-03-02"][:2] == ["夜", 1]
        assert grid["rows"][str(world.b.id)] == {"hours": 14.5, "nights": 1, "rest": 0, "work": 2}
        breach = grid["breaches"][f"{world.b.id}/2026-03-03"]  # 夜 ends 06:00, 早 starts 07:00
        assert breach[0] == "breach-hard" and breach[1]
        assert grid["hard"] == 1
        assert cells_of(world.roster)[(world.b.id, day(2))] == "夜"

    def test_a_stale_cell_version_is_a_conflict_and_nothing_is_overwritten(self, client, auth, world):
        """Two heads load the grid; the first saves, the second's edit of the same cell is refused."""
        auth.login("head")
        assert client.post(f"/roster/{world.roster.id}/cells",
                           json={"edits": [edit(world.b.id, day(2), "早", 0)]}).status_code == 200
        auth.logout()
        auth.login("hr")
        response = client.post(f"/roster/{world.roster.id}/cells",
                               json={"edits": [edit(world.b.id, day(2), "中", 0), edit(world.c.id, day(2), "中", 0)]})
        assert response.status_code == 409
        body = response.get_json()
        assert body["error"] == "stale" and body["cells"] == [f"{world.b.id}/2026-03-02"] and body["message"]
        assert body["grid"]["cells"][f"{world.b.id}/2026-03-02"][0] == "早"  # the page reloads the cell
        assert cells_of(world.roster) == {(world.b.id, day(2)): "早"}  # all or nothing
        fresh = version_of(client, world.roster.id, world.b.id, day(2))
        retry = client.post(f"/roster/{world.roster.id}/cells", json={"edits": [edit(world.b.id, day(2), "中", fresh)]})
        assert retry.status_code == 200

    def test_unknown_code_is_refused_with_a_cell_keyed_message(self, client, auth, world):
        auth.login("head")
        response = client.post(f"/roster/{world.roster.id}/cells", json={"edits": [edit(world.b.id, day(2), "X", 0)]})
        assert response.status_code == 422
        body = response.get_json()
        assert body["error"] == "invalid" and list(body["errors"]) == [f"{world.b.id}/2026-03-02"]
        assert cells_of(world.roster) == {}

    def test_malformed_payloads_are_bad_requests(self, client, auth, world):
        auth.login("head")
        url = f"/roster/{world.roster.id}/cells"
        good = edit(world.b.id, day(2), "早", 0)
        for payload in ({"edits": []}, {"edits": [{**good, "version": None}]}, {"edits": [{**good, "day": "3/2"}]},
                        {"edits": [{**good, "staff_id": True}]}, {"edits": [{**good, "code": "toolongcode"}]},
                        {"edits": [good], "reason": 5}, {"edits": [good] * 5001}, ["nope"]):
            response = client.post(url, json=payload)
            assert response.status_code == 400, payload
            assert response.get_json()["error"] == "bad_request"
        assert client.post(url, data="edits", content_type="text/plain").status_code == 400

    def test_published_changes_need_a_reason_and_are_listed(self, client, auth, site):
        auth.login("head")
        url = f"/roster/{site.roster.id}/cells"
        v = version_of(client, site.roster.id, site.c.id, day(3))
        response = client.post(url, json={"edits": [edit(site.c.id, day(3), "早", v)]})
        assert response.status_code == 422 and "reason" in response.get_json()["errors"]
        response = client.post(url, json={"edits": [edit(site.c.id, day(3), "早", v)], "reason": "sick colleague"})
        assert response.status_code == 200
        change = db.session.scalar(sa.select(RosterChange))
        assert (change.old_code, change.new_code, change.reason) == ("中", "早", "sick colleague")
        body = client.get(f"/roster/{site.roster.id}/changes").get_data(as_text=True)
        assert f'data-staff="{site.c.id}" data-day="2026-03-03"' in body and "sick colleague" in body
        auth.logout()
        auth.login("lisi")  # c sees the change to their shift
        assert "sick colleague" in client.get(f"/roster/{site.roster.id}/changes").get_data(as_text=True)
        assert "sick colleague" in client.get("/roster/me").get_data(as_text=True)
        auth.logout()
        auth.login("zhangsan")  # b was not affected
        assert "sick colleague" not in client.get(f"/roster/{site.roster.id}/changes").get_data(as_text=True)

    def test_head_cannot_override_a_hard_breach_hr_can(self, client, auth, site):
        # b: 早 on 2-6 March; a night on the 3rd ends 06:00, an hour before the 4th's early shift.
        auth.login("head")
        url = f"/roster/{site.roster.id}/cells"
        payload = {"edits": [edit(site.b.id, day(3), "夜", version_of(client, site.roster.id, site.b.id, day(3)))],
                   "reason": "cover"}
        response = client.post(url, json=payload)
        assert response.status_code == 422 and response.get_json()["error"] == "breach"
        assert response.get_json()["breaches"]
        forged = client.post(url, json=payload | {"override_reason": "I insist"})
        assert forged.status_code == 422 and "override_reason" in forged.get_json()["errors"]
        assert cells_of(site.roster)[(site.b.id, day(3))] == "早"
        auth.logout()
        auth.login("hr")
        response = client.post(url, json=payload | {"override_reason": "no one else is trained"})
        assert response.status_code == 200 and cells_of(site.roster)[(site.b.id, day(3))] == "夜"

    def test_locked_roster_refuses_edits(self, client, auth, site):
        site.roster.status = RosterStatus.LOCKED
        db.session.commit()
        auth.login("head")
        v = version_of(client, site.roster.id, site.b.id, day(2))
        response = client.post(f"/roster/{site.roster.id}/cells",
                               json={"edits": [edit(site.b.id, day(2), "中", v)], "reason": "x"})
        assert response.status_code == 422 and "roster" in response.get_json()["errors"]
        assert 'data-editable="0"' in client.get(f"/roster/{site.roster.id}").get_data(as_text=True)


def post_form(client, roster, step: str, **fields):
    """POST one of the grid page's forms; each is prefixed with its step's name."""
    data = {f"{step}-{k}": v for k, v in fields.items()}
    data.setdefault(f"{step}-expected_version", str(version(roster)))
    return client.post(f"/roster/{roster.id}/{step}", data=data)


class TestBulkForms:
    def test_pattern_with_staggered_offsets(self, client, auth, world):
        auth.login("head")
        page = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
        assert "早早中中夜夜休休" in page  # the default pattern from the department's shifts
        offsets = "\n".join(f"{s.staff_number}: {i}" for i, s in enumerate(sorted(
            [world.a, world.b, world.c], key=lambda s: s.staff_number)))
        response = post_form(client, world.roster, "pattern", pattern="早中休", offsets=offsets,
                             first_day="2026-03-02", last_day="2026-03-04")
        assert response.status_code == 302
        cells = cells_of(world.roster)
        assert len(cells) == 9 and {cells[(world.a.id, day(2))], cells[(world.b.id, day(2))]} == {"早", "中"}

    def test_pattern_bad_input_shows_the_messages(self, client, auth, world):
        auth.login("head")
        bad_codes = post_form(client, world.roster, "pattern", pattern="早X", offsets=f"{world.b.staff_number}: 0")
        assert bad_codes.status_code == 200
        assert "X" in bad_codes.get_data(as_text=True) and "is-invalid" in bad_codes.get_data(as_text=True)
        bad_offsets = post_form(client, world.roster, "pattern", pattern="早", offsets="NOBODY: 1")
        assert bad_offsets.status_code == 200 and "NOBODY" in bad_offsets.get_data(as_text=True)
        outside = post_form(client, world.roster, "pattern", pattern="早", offsets=f"{world.b.staff_number}: 0",
                            first_day="2026-04-01", last_day="2026-04-02")
        assert outside.status_code == 200 and "is-invalid" in outside.get_data(as_text=True)
        assert cells_of(world.roster) == {}

    def test_stale_form_version_reloads_the_grid(self, client, auth, world):
        auth.login("head")
        old = version(world.roster)
        roster = db.session.get(Roster, world.roster.id)
        set_cells(world.hr, roster, [CellEdit(world.c.id, day(9), "早")])  # someone else, meanwhile
        db.session.commit()
        response = post_form(client, world.roster, "fill", shift_code="休", first_day="2026-03-02",
                             last_day="2026-03-03", expected_version=str(old))
        assert response.status_code == 302 and response.headers["Location"].endswith(f"/roster/{world.roster.id}")
        assert cells_of(world.roster) == {(world.c.id, day(9)): "早"}

    def test_fill_range_and_its_bad_input(self, client, auth, world):
        auth.login("head")
        response = post_form(client, world.roster, "fill", staff_ids=str(world.b.id), shift_code="早",
                             first_day="2026-03-02", last_day="2026-03-06")
        assert response.status_code == 302
        assert sorted(d.day for (s, d), c in cells_of(world.roster).items() if s == world.b.id) == [2, 3, 4, 5, 6]
        backwards = post_form(client, world.roster, "fill", shift_code="早", first_day="2026-03-06",
                              last_day="2026-03-02")
        assert backwards.status_code == 200 and "is-invalid" in backwards.get_data(as_text=True)
        unknown = post_form(client, world.roster, "fill", shift_code="Z", first_day="2026-03-02",
                            last_day="2026-03-02")
        assert unknown.status_code == 200 and "is-invalid" in unknown.get_data(as_text=True)
        missing_version = client.post(f"/roster/{world.roster.id}/fill", data={"fill-shift_code": "早"})
        assert missing_version.status_code == 200

    def test_copy_without_a_previous_roster_says_so(self, client, auth, world):
        auth.login("head")
        response = post_form(client, world.roster, "copy")
        body = response.get_data(as_text=True)
        assert response.status_code == 200
        assert re.search(r'id="copy-form".*?alert-danger', body, re.S)

    def test_generate_short_saves_nothing_and_lists_shortfalls(self, client, auth, world):
        set_demand(world.hr, world.front, world.types["夜"], 3, weekday=5)
        set_demand(world.hr, world.front, world.types["早"], 3, weekday=5)
        db.session.commit()
        auth.login("head")
        response = post_form(client, world.roster, "generate")
        body = response.get_data(as_text=True)
        assert response.status_code == 200 and 'id="generation-result" data-status="short"' in body
        assert 'id="shortfalls"' in body and "2026-03-07" in body
        assert cells_of(world.roster) == {}

    def test_publish_blocked_by_hard_breaches_head_cannot_override(self, client, auth, world):
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), "夜"), CellEdit(world.b.id, day(3), "早")])
        db.session.commit()
        auth.login("head")
        blocked = post_form(client, world.roster, "publish")
        assert blocked.status_code == 200 and 'id="hard-breaches"' in blocked.get_data(as_text=True)
        assert 'name="publish-override_reason"' not in blocked.get_data(as_text=True)
        forged = post_form(client, world.roster, "publish", override_reason="please")
        assert forged.status_code == 200 and status_of(world.roster) == RosterStatus.DRAFT
        auth.logout()
        auth.login("hr")
        page = post_form(client, world.roster, "publish").get_data(as_text=True)
        assert 'name="publish-override_reason"' in page
        assert post_form(client, world.roster, "publish", override_reason="trained staff short").status_code == 302
        assert status_of(world.roster) == RosterStatus.PUBLISHED

    def test_publish_then_lock(self, client, auth, world):
        auth.login("head")
        early = post_form(client, world.roster, "lock")
        assert early.status_code == 200 and status_of(world.roster) == RosterStatus.DRAFT  # not published yet
        assert post_form(client, world.roster, "publish").status_code == 302
        assert status_of(world.roster) == RosterStatus.PUBLISHED
        assert post_form(client, world.roster, "lock").status_code == 302
        assert status_of(world.roster) == RosterStatus.LOCKED
        page = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
        assert 'id="lock-form"' not in page and 'id="palette"' not in page


def test_grid_links_to_exports_for_editors_only(client, auth, org, make_staff):
    from datetime import date

    from hrapp.blueprints.roster.services import create_roster
    from hrapp.extensions import db
    from hrapp.models import PeriodKind
    roster = create_roster(None, org.front, PeriodKind.MONTH, date(2026, 3, 1))
    db.session.commit()
    auth.login("head")
    page = client.get(f"/roster/{roster.id}").get_data(as_text=True)
    assert 'id="export-xlsx"' in page and 'id="issue-pdf"' not in page  # a draft cannot be issued
