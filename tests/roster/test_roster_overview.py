"""The roster page opens on the departments the user works with and their rosters' states; the grid's rotation
help is in words; the totals rows' header is readable (no shift colour on the white sticky cell)."""
from datetime import date, timedelta

import lxml.html

from hrapp.blueprints.roster.services import create_roster, publish_roster
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role


def overview(response) -> dict[str, dict]:
    page = lxml.html.fromstring(response.get_data(as_text=True))
    out = {}
    for tr in page.xpath("//table[@id='roster-overview']/tbody/tr"):
        cells = tr.xpath("./td")
        out[tr.get("data-department-id")] = {
            "gaps": int(tr.get("data-gaps")), "rosters": [a.get("data-roster-id") for a in tr.xpath(".//a[@data-roster-id]")],
            "states": [" ".join(td.xpath(".//span[contains(@class,'badge')]/text()")) for td in cells[1:]]}
    return out


def test_hr_opens_on_every_department_with_current_and_next_rosters(client, auth, world):
    today = date.today()
    current = create_roster(world.head, world.front, PeriodKind.MONTH, today)
    following = create_roster(world.head, world.front, PeriodKind.MONTH, current.ends_on + timedelta(days=1))
    db.session.flush()
    publish_roster(world.head, current, None)
    db.session.commit()
    auth.login("hr")
    client.post("/auth/locale/en")
    rows = overview(client.get("/roster/"))
    assert set(rows) == {str(d.id) for d in (world.front, world.front_desk, world.housekeeping)}
    fo = rows[str(world.front.id)]
    assert fo["rosters"] == [str(current.id), str(following.id)] and fo["gaps"] == 0
    assert fo["states"] == ["Published", "Draft"]
    assert rows[str(world.housekeeping.id)]["gaps"] == 2
    assert rows[str(world.housekeeping.id)]["states"] == ["No roster yet", "No roster yet"]


def test_a_head_sees_only_the_departments_they_head(client, auth, world, make_user):
    make_user(Role.HEAD, "hkhead", departments=[world.housekeeping])
    auth.login("hkhead")
    assert set(overview(client.get("/roster/"))) == {str(world.housekeeping.id)}
    auth.logout()
    auth.login("head")
    assert str(world.housekeeping.id) not in overview(client.get("/roster/"))


def test_the_rotation_help_says_it_in_words_with_an_example(client, auth, world):
    auth.login("head")
    zh = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
    assert "mod" not in zh and "偏移为 2 时，此人前几天依次为 中、中、夜、休、休" in zh
    client.post("/auth/locale/en")
    en = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
    assert "mod length" not in en and "offset 2, the first days are 中, 中, 夜, 休, 休, then 早 again" in en


def test_the_totals_rows_put_the_shift_colour_on_a_chip_not_the_white_header_cell(client, auth, world):
    auth.login("head")
    page = lxml.html.fromstring(client.get(f"/roster/{world.roster.id}").get_data(as_text=True))
    headers = page.xpath("//tr[contains(@class,'col-totals')]/th")
    assert headers and all("shift-c-" not in th.get("class") for th in headers)
    assert all(th.xpath("./span[contains(@class,'shift-chip')]") for th in headers)
