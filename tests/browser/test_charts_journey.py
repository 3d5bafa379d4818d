"""The charts page in a real browser (the acceptance's chart check): the head of CH opens it, every chart is drawn
(SVG inside the chart element), nothing is written to the console as an error, and the tables' numbers are those
computed here straight from the live server's database (SQL of its own, not the app's functions)."""
import sqlite3
from contextlib import closing
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from hrapp.blueprints.training.rules import add_months
from hrapp.company import company_today
from tests.browser.charts_seed import CHARTS
from tests.browser.conftest import Session

pytestmark = pytest.mark.browser
CHART_NAMES = ("attendance", "lateness", "violations", "money", "grades", "training")


def _database(live_server):
    return closing(sqlite3.connect(live_server.log_path.parent / "hrapp-live.sqlite"))


def _expected(live_server, month: str) -> dict:
    """CH's figures of `month` from the database: per department the attendance counts, and the month's fines and
    rewards (final violations without compensation, approved rewards)."""
    with _database(live_server) as db:
        ids = dict(db.execute("SELECT code, id FROM departments WHERE code IN ('CH', 'CH-A', 'CH-B')").fetchall())
        scope = tuple(ids.values())
        marks = ",".join("?" * len(scope))
        attendance = {}
        for code, department_id in ids.items():
            row = db.execute(
                "SELECT sum(status IN ('present', 'late', 'early', 'late_and_early')), sum(status = 'absent'),"
                " sum(status = 'missing_punch'), sum(status IN ('late', 'late_and_early')) FROM attendance_days"
                " WHERE department_id = ? AND substr(day, 1, 7) = ?", (department_id, month)).fetchone()
            if row[0] is not None:
                attendance[code] = [str(n) for n in row]
        fines = db.execute(
            "SELECT coalesce(sum(v.amount), 0) FROM violations v JOIN conduct_rule_versions r ON r.id = v.rule_version_id"
            f" WHERE v.state = 'final' AND r.kind != 'compensation' AND v.ledger_month = ? AND v.department_id IN ({marks})",
            (month, *scope)).fetchone()[0]
        rewards = db.execute(
            "SELECT coalesce(sum(amount), 0) FROM rewards WHERE state = 'approved' AND ledger_month = ?"
            f" AND department_id IN ({marks})", (month, *scope)).fetchone()[0]
    return {"attendance": attendance, "fines": Decimal(str(fines)).quantize(Decimal("0.01")),
            "rewards": Decimal(str(rewards)).quantize(Decimal("0.01"))}


def _table(page, name: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"#charts-{name}-table tbody tr",
                                     "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()))")


def test_the_charts_are_drawn_and_their_tables_match_the_database(page, live_server):
    Session(page).login(CHARTS["head"])  # (the login page's missing favicon is no concern of the charts)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/charts/")
    for name in CHART_NAMES:
        chart = page.locator(f"#charts-{name}-chart")
        expect(chart).to_have_attribute("data-chart-ready", "1")
        expect(chart.locator("svg").first).to_be_attached()
    month = add_months(company_today().replace(day=1), -1).strftime("%Y-%m")
    want = _expected(live_server, month)

    attendance = {row[0]: row for row in _table(page, "attendance") if row[1] == month}
    assert set(attendance) == {"图表一组", "图表二组"}  # CH's teams only: nobody else's figures
    for code, name in (("CH-A", "图表一组"), ("CH-B", "图表二组")):
        row = attendance[name]
        assert [row[2], row[3], row[4], row[6]] == want["attendance"][code]
    money = {row[0]: row for row in _table(page, "money")}
    assert money[month][1:] == [str(want["rewards"]), str(want["fines"])]
    assert not errors, errors
