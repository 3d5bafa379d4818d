"""The roster list on the shared list helper: sortable by period and status, paged, links that stay on the list."""
import re
from datetime import date

import lxml.html

from hrapp.blueprints.roster.services import create_roster
from hrapp.extensions import db
from hrapp.models import PeriodKind


def roster_ids(response) -> list[int]:
    page = lxml.html.fromstring(response.get_data(as_text=True))
    return [int(tr.get("data-roster-id")) for tr in page.xpath("//table[@id='roster-table']/tbody/tr")]


def test_roster_list_sorts_by_period_and_status(client, auth, world):
    april = create_roster(world.head, world.front, PeriodKind.MONTH, date(2026, 4, 1))
    db.session.commit()
    auth.login("head")
    url = f"/roster/?department={world.front.id}"
    assert roster_ids(client.get(url)) == [april.id, world.roster.id]  # latest first, as before
    assert roster_ids(client.get(url + "&sort=period")) == [world.roster.id, april.id]
    assert roster_ids(client.get(url + "&sort=bogus&page=x&per_page=-1")) == [april.id, world.roster.id]
    assert roster_ids(client.get(url + "&per_page=1&page=2")) == [world.roster.id]
    body = client.get(url + "&sort=period").get_data(as_text=True)
    assert f"department={world.front.id}" in body and "sort=-period" in body


def test_a_refused_creation_keeps_list_links_on_the_list(client, auth, world):
    auth.login("head")
    response = client.post("/roster/new", data={"department_id": world.front.id, "period_kind": "week"})
    assert response.status_code == 200
    sort_links = re.findall(r'href="([^"]*sort=[^"]*)"', response.get_data(as_text=True))
    assert sort_links and all(link.startswith("/roster/?") for link in sort_links)
