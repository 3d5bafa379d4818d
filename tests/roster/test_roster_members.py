"""A published roster keeps its rows: a person imported after publication is not an empty row of it (nor of
its export); the head sees them listed and adds them with an explicit, audited step."""
import lxml.html
import sqlalchemy as sa

from hrapp.blueprints.roster.services import roster_grid
from hrapp.extensions import db
from hrapp.models import AuditEntry
from tests.roster import routing

site = routing.site  # the fixture


def grid_rows(response) -> list[str]:
    page = lxml.html.fromstring(response.get_data(as_text=True))
    return [tr.get("data-staff") for tr in page.xpath("//table[@id='roster-grid']/tbody/tr")]


def test_a_newcomer_is_listed_not_an_empty_row_then_added_by_the_head(client, auth, site, make_staff):
    roster = site.roster  # FO March 2026, published
    before = [r.staff_id for r in roster_grid(roster).rows]
    newcomer = make_staff(site.front, name_zh="新来的")
    auth.login("head")
    page = client.get(f"/roster/{roster.id}")
    assert str(newcomer.id) not in grid_rows(page)
    assert [r.staff_id for r in roster_grid(roster).rows] == before  # the export and the PDF read these rows
    listed = lxml.html.fromstring(page.get_data(as_text=True)).xpath("//div[@id='roster-newcomers']//li/@data-staff")
    assert listed == [str(newcomer.id)]

    response = client.post(f"/roster/{roster.id}/members", data={
        "member-staff_id": newcomer.id, "member-expected_version": roster.version_id})
    assert response.status_code == 302
    page = client.get(f"/roster/{roster.id}")
    assert str(newcomer.id) in grid_rows(page) and 'id="roster-newcomers"' not in page.get_data(as_text=True)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "roster.add_member"))
    assert entry is not None and entry.after["staff_id"] == newcomer.id


def test_adding_twice_or_with_a_stale_version_changes_nothing(client, auth, site, make_staff):
    roster = site.roster
    newcomer = make_staff(site.front, name_zh="新来的")
    auth.login("head")
    client.post("/auth/locale/en")
    stale = client.post(f"/roster/{roster.id}/members", data={
        "member-staff_id": newcomer.id, "member-expected_version": roster.version_id - 1}, follow_redirects=True)
    assert "Someone else changed this roster" in stale.get_data(as_text=True)
    assert str(newcomer.id) not in grid_rows(stale)
    member = client.post(f"/roster/{roster.id}/members", data={
        "member-staff_id": site.b.id, "member-expected_version": roster.version_id})
    assert member.status_code == 409 and "already on the roster" in member.get_data(as_text=True)


def test_a_draft_follows_the_department_and_lists_no_newcomers(client, auth, site, make_staff):
    newcomer = make_staff(site.housekeeping, name_zh="新客房员")
    auth.login("hr")
    page = client.get(f"/roster/{site.hk_roster.id}")
    assert str(newcomer.id) in grid_rows(page) and 'id="roster-newcomers"' not in page.get_data(as_text=True)
