"""The grid page as a head's browser gets it: a fixed number of SQL statements whatever the department's
size, the nav's unread count loaded with the user and kept current, and the pre-rendered cells escaped."""
from datetime import date, time

import pytest
import sqlalchemy as sa
from markupsafe import Markup

from hrapp.blueprints.roster.gridview import grid_page
from hrapp.blueprints.roster.rules import Breach, ColumnTotal, RowTotals
from hrapp.blueprints.roster.services import CellEdit, fill_range, publish_roster, set_cells, set_demand
from hrapp.blueprints.roster.services.grid import GridCell, GridDay, GridRow, GridShiftType, RosterGrid
from hrapp.extensions import db
from hrapp.models import Department, Notification, Role, Roster, User
from hrapp.notifications import mark_read, notify, unread_count
from hrapp.permissions import department_scope, heads_department
from tests.conftest import is_savepoint
from tests.roster.routing import day

MAX_PAGE_STATEMENTS = 10  # issue #4: roster_grid_queries <= 10


class StatementLog:
    """The SQL statements the engine runs while the block is open, less the SAVEPOINTs with which the test's
    rolled-back transaction (tests/conftest.py) wraps each commit."""

    def __enter__(self):
        self.statements = []
        sa.event.listen(db.engine, "before_cursor_execute", self._seen)
        return self

    def _seen(self, conn, cursor, statement, *args):  # noqa: ARG002
        if not is_savepoint(statement):
            self.statements.append(statement)

    def __exit__(self, *exc):
        sa.event.remove(db.engine, "before_cursor_execute", self._seen)


def page_statements(client, roster_id: int) -> tuple[list[str], str]:
    with StatementLog() as log:
        response = client.get(f"/roster/{roster_id}")
    assert response.status_code == 200
    return log.statements, response.get_data(as_text=True)


def test_grid_page_statements_do_not_grow_with_the_department(client, auth, world, make_staff):
    """A head with an unread notification and an open swap on the roster: the whole page, login user
    included, stays within the budget, and ten more people with a month of cells add no statement."""
    set_demand(world.head, world.front, world.types["早"], 2, weekday=0)
    db.session.add(Notification(user_id=world.head.id, text="hello"))
    db.session.commit()
    auth.login("head")
    small, body = page_statements(client, world.roster.id)
    assert 'id="unread-count">1<' in body and len(small) <= MAX_PAGE_STATEMENTS, small

    front, roster = db.session.get(Department, world.front.id), db.session.get(Roster, world.roster.id)
    people = [world.a.id, world.b.id, world.c.id] + [make_staff(front).id for _ in range(10)]
    fill_range(db.session.get(User, world.head.id), roster, people, day(1), day(31), "早", None)
    db.session.commit()
    large, body = page_statements(client, world.roster.id)
    assert body.count('class="cell') == 13 * 31
    assert len(large) == len(small), large


def test_unread_count_follows_reading_and_new_notifications_in_one_request(app, world):
    with app.test_request_context():
        notify([world.head], lambda: "one")
        db.session.flush()
        assert unread_count(world.head) == 1
        world.head._unread_notifications = 1  # as the login query leaves it
        notify([world.head], lambda: "two")
        db.session.flush()
        assert unread_count(world.head) == 2  # a new notification forgets the loaded figure
        world.head._unread_notifications = 2
        assert mark_read(world.head) == 2 and unread_count(world.head) == 0


def test_nav_count_after_marking_read(client, auth, world):
    db.session.add_all([Notification(user_id=world.head.id, text=t) for t in ("a", "b")])
    db.session.commit()
    auth.login("head")
    assert 'id="unread-count">2<' in client.get("/roster/").get_data(as_text=True)
    client.post("/notifications/read")
    assert 'id="unread-count"' not in client.get("/roster/").get_data(as_text=True)


def test_staff_sees_their_own_row_with_the_same_budget(client, auth, world):
    set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), "早")])
    publish_roster(world.head, world.roster, None)
    db.session.commit()
    auth.login("zhangsan")
    statements, body = page_statements(client, world.roster.id)
    assert f'data-staff="{world.c.id}"' not in body and f'data-staff="{world.b.id}"' in body
    assert len(statements) <= MAX_PAGE_STATEMENTS + 1, statements  # + the staff record for the scope check


def _grid(code: str, tip: str) -> RosterGrid:
    """One person, one day, one fixed cell with a hard breach whose message is `tip` (an unknown rule's
    message is its code), and a short column."""
    first = date(2026, 3, 2)
    shift = GridShiftType(1, code, "n", "n", "work", time(7), time(15), "#43a047", False, True)
    row = GridRow(7, "S1", "张三", "", {first: GridCell(code, 3, True)}, RowTotals())
    breach = Breach(tip, "hard", first, 7, code)
    return RosterGrid(1, 1, "draft", 1, first, first, (shift,), (GridDay(first, "normal", "", False),), (row,),
                      {(first, code): ColumnTotal(1, 2)}, (breach,), {(7, first): (breach,)},
                      {(first, code): (breach,)})


@pytest.mark.parametrize("code", ["早", "<b>"])
def test_prerendered_cells_escape_codes_and_tooltips(app, code):
    with app.test_request_context():
        page = grid_page(_grid(code, 'x"><script>'))
        cells, footer = page.cells_html(page.rows[0]), page.column_totals_html(code)
    assert isinstance(cells, Markup) and isinstance(footer, Markup)
    assert "<script>" not in cells and "<script>" not in footer and "<b>" not in cells
    assert page.versions(page.rows[0]) == "3" and "data-" not in cells  # roster.js gives the cells their data
    assert "fixed" in cells and "breach-hard" in cells and ">1/2<" in footer and "short" in footer


def test_head_scope_from_paths_matches_the_scope_query(world, make_department):
    """The no-query check a page uses (department paths) agrees with the one-query scope the lists use."""
    other = make_department()
    head = db.session.get(User, world.head.id)
    scope = department_scope(head)
    del head._department_scope
    for department in (world.front, world.housekeeping, other, *world.front.children):
        assert heads_department(head, department) == (department.id in scope), department.code
    assert not heads_department(db.session.get(User, world.hr.id), world.front)  # HR's scope is not "heads"
    assert Role.HEAD == head.role
