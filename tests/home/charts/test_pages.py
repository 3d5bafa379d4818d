"""The charts page and its exports through HTTP: the scope (a head sees only their departments' figures), the
filters, the tables' numbers, the exports and the query budget."""
import csv
import io

import pytest
from openpyxl import load_workbook

from tests import access_matrix
from tests.access_matrix import login
from tests.home.charts.scene import write_scene

people = access_matrix.people  # the fixture
MAX_STATEMENTS = 15  # savepoint, the user row and its unread count, today, the scope and the departments, then 1-3 per chart


@pytest.fixture
def scene(app, people):
    return people, write_scene(people.desk_staff, people.hk_staff)


def test_hr_sees_every_department(app, scene):
    org, s = scene
    page = login(app, "hr").get("/charts/").get_data(as_text=True)
    assert "前台" in page and "客房部" in page
    assert 'id="charts-attendance-chart"' in page and 'id="charts-lateness-table"' in page
    assert "<td>80.50</td>" in page and "<td>200.00</td>" in page  # fines, rewards: plain numbers


def test_head_sees_only_their_departments(app, scene):
    org, s = scene
    page = login(app, "head").get("/charts/").get_data(as_text=True)
    assert "前台" in page and "客房部" not in page
    assert "<td>50.00</td>" in page and "80.50" not in page and "30.50" not in page
    other = login(app, "hkhead").get("/charts/").get_data(as_text=True)
    assert "客房部" in other and "前台</td>" not in other


def test_department_filter_narrows(app, scene):
    org, s = scene
    page = login(app, "hr").get(f"/charts/?department={org.housekeeping.id}").get_data(as_text=True)
    assert "客房部" in page and "前台</td>" not in page and "<td>30.50</td>" in page


def test_month_range_filter(app, scene):
    org, s = scene
    page = login(app, "hr").get("/charts/?start=2001-01&end=2001-03").get_data(as_text=True)
    assert 'id="charts-attendance-empty"' in page and 'value="2001-01"' in page and 'value="2001-03"' in page


def test_csv_export_is_the_table(app, scene):
    org, s = scene
    response = login(app, "hr").get(f"/charts/money.csv?department={org.front.id}")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [s.month, "200.00", "50.00"] in rows and len(rows) == 7


def test_xlsx_export_is_the_table(app, scene):
    org, s = scene
    response = login(app, "head").get("/charts/attendance.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][1] == s.month and rows[1][2:5] == (2, 1, 0)


def test_page_runs_a_handful_of_queries(app, scene, statements):
    client = login(app, "head")
    with statements() as seen:
        assert client.get("/charts/").status_code == 200
    assert len(seen) <= MAX_STATEMENTS, "\n".join(seen)


def test_grades_xlsx_has_the_guide_sheet(app, scene):
    response = login(app, "hr").get("/charts/grades.xlsx")
    book = load_workbook(io.BytesIO(response.data))
    grades, guide = (list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets)
    assert [row[1] for row in grades[1:]] == [1, 0, 1, 0, 0]  # excellent, good, pass, needs improvement, fail
    assert [row[1] for row in guide[1:]] == [1, 1, 0]  # top, middle, bottom


@pytest.mark.parametrize(("username", "shown"), [("head", True), ("hr", True), ("admin", True), ("staff", False)])
def test_the_charts_link_in_the_navigation(app, people, username, shown):
    page = login(app, username).get("/charts/" if shown else "/").get_data(as_text=True)
    assert ('id="nav-charts"' in page) is shown


def _csv(client, name: str) -> list[list[str]]:
    response = client.get(f"/charts/{name}.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))



def _row(rows: list[list[str]], first: str) -> list[str]:
    return next(row for row in rows if row[0] == first)


def test_a_heads_money_violations_and_training_exports_leave_other_departments_out(app, scene):
    org, s = scene
    quarter = "{} Q{}".format(*s.quarter)
    hours = str(s.session.hours)
    head, hk_head = login(app, "head"), login(app, "hkhead")
    assert _row(_csv(head, "money"), s.month)[1:] == ["200.00", "50.00"]  # the front desk's; HR sees 80.50 fines
    assert _row(_csv(hk_head, "money"), s.month)[1:] == ["0.00", "30.50"]
    assert [row[1:] for row in _csv(head, "violations")[1:]] == [["前台", "CH-1 迟到", "1"], ["前台", "CH-2 损坏赔偿", "1"]]
    assert [row[1:] for row in _csv(hk_head, "violations")[1:]] == [["客房部", "CH-1 迟到", "1"]]
    assert _row(_csv(head, "training"), quarter)[1:3] == ["12.0", hours]  # the front desk's plan and attendance
    assert _row(_csv(hk_head, "training"), quarter)[1:3] == ["0.0", "0"]


def test_a_heads_page_leaves_other_departments_out(app, scene):
    org, s = scene
    page = login(app, "hkhead").get("/charts/").get_data(as_text=True)
    assert "<td>客房部</td>" in page and "<td>前台</td>" not in page
    assert "<td>30.50</td>" in page and "<td>50.00</td>" not in page and "<td>200.00</td>" not in page
    assert "CH-2" not in page and "<td>12.0</td>" not in page
