"""History and the department report: the person sees only published results, heads and HR all; the chart's
numbers are the table's; the report counts, averages and exports the results of the chosen cycle."""
import csv
import io
import json
import re
from decimal import Decimal

from hrapp.blueprints.appraisals.outcomes import services
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AppraisalOutcome, AppraisalStatus, CycleStage, Grade, OutcomeKind

from .conftest import publish


def earlier_and_later(scene, make_cycle, make_appraisal):
    """The desk clerk: an older published result (78) and a newer one still in calibration (66)."""
    older = make_cycle(name="2025-Q4", stage=CycleStage.CLOSED, first_on=scene.cycle.first_on.replace(year=2025))
    newer = make_cycle(name="2099-Q1", stage=CycleStage.CALIBRATION, first_on=scene.cycle.first_on.replace(year=2099))
    make_appraisal(older, scene.desk_staff, scene.template, status=AppraisalStatus.ACKNOWLEDGED,
                   total=Decimal("78"), grade=Grade.PASS)
    make_appraisal(newer, scene.desk_staff, scene.template, status=AppraisalStatus.SCORED, total=Decimal("66"),
                   grade=Grade.PASS, calibrated=True)
    db.session.commit()


def history_rows(page: str) -> list[tuple[str, str]]:
    table = page.split('id="history-table"')[1]
    return re.findall(r"<tr data-appraisal-id=\"\d+\"><td>([^<]+)</td><td data-field=\"total\">([^<]+)</td>", table)


def chart_option(page: str, chart_id: str) -> dict:
    return json.loads(re.search(rf'<script type="application/json" id="{chart_id}-option">(.*?)</script>',
                                page, re.S).group(1))


def test_the_person_sees_only_published_results(client, auth, scene, make_cycle, make_appraisal):
    earlier_and_later(scene, make_cycle, make_appraisal)
    auth.login("staff")
    me = client.get("/appraisals/history/me")
    assert me.status_code == 302 and me.headers["Location"].endswith(f"/appraisals/history/{scene.desk_staff.id}")
    page = client.get(me.headers["Location"]).text
    assert history_rows(page) == [("2025-Q4", "78.00"), (scene.cycle.name, "92.00")]
    assert "66.00" not in page


def test_heads_see_every_result_and_the_chart_follows_the_table(client, auth, scene, make_cycle, make_appraisal):
    earlier_and_later(scene, make_cycle, make_appraisal)
    auth.login("head")
    page = client.get(f"/appraisals/history/{scene.desk_staff.id}").text
    rows = history_rows(page)
    assert [cycle for cycle, _total in rows] == ["2025-Q4", scene.cycle.name, "2099-Q1"]
    option = chart_option(page, "history-trend")
    assert option["xAxis"]["data"] == [cycle for cycle, _total in rows]
    assert option["series"][0]["data"] == [float(total) for _cycle, total in rows]
    assert option["series"][0]["name"] == "总分"  # in the page's language


def test_others_history_is_out_of_reach(client, auth, scene):
    auth.login("staff")
    assert client.get(f"/appraisals/history/{scene.hk_staff.id}").status_code == 404
    auth.logout()
    auth.login("head")
    assert client.get(f"/appraisals/history/{scene.hk_staff.id}").status_code == 404


def test_the_department_report_counts_and_exports(client, auth, scene, make_appraisal, make_staff):
    colleague = make_staff(scene.front_desk, name_zh="钱前台")
    make_appraisal(scene.cycle, colleague, scene.template, status=AppraisalStatus.PUBLISHED, total=Decimal("81.5"),
                   grade=Grade.GOOD)
    db.session.commit()
    publish(scene)
    outcome = db.session.query(AppraisalOutcome).filter_by(kind=OutcomeKind.REWARD).one()
    services.confirm_reward(scene.hr, outcome, None, services.RewardChoice("J-1", "commendation", None, "考核优秀"),
                            company_today())
    db.session.commit()
    auth.login("hr")
    page = client.get(f"/appraisals/outcomes/report?cycle={scene.cycle.id}")
    assert page.status_code == 200
    option = chart_option(page.text, "report-grades")
    assert option["xAxis"]["data"] == ["FO-DESK", "HK"]
    excellent = next(s for s in option["series"] if s["name"] == "优秀")
    assert excellent["data"] == [1, 0]
    export = client.get(f"/appraisals/outcomes/report.csv?cycle={scene.cycle.id}")
    rows = list(csv.reader(io.StringIO(export.data.decode("utf-8-sig"))))
    desk = next(r for r in rows if r[0].startswith("FO-DESK"))
    assert desk[1:3] == ["2", "86.75"] and desk[-3:] == ["1", "0", "0"]
    assert client.get(f"/appraisals/outcomes/report.xlsx?cycle={scene.cycle.id}").status_code == 200
    auth.logout()
    auth.login("hkhead")  # a head sees only their departments
    option = chart_option(client.get(f"/appraisals/outcomes/report?cycle={scene.cycle.id}").text, "report-grades")
    assert option["xAxis"]["data"] == ["HK"]
