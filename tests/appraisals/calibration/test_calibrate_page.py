"""The calibration page: each department's distribution over the guide's buckets and per grade (over-guide
flags), the outliers against the department mean, the scorers' leniency, the scored results with the adjust
action for HR only, heads reading their departments' only, and a bounded number of statements."""
import re

from hrapp.blueprints.appraisals.calibration.overview import overview
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage

from .conftest import score


def page_of(client, scene, **args) -> str:
    query = "&".join(f"{k}={v}" for k, v in args.items())
    response = client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def section(html: str, department_id: int) -> str:
    start = html.index(f'data-department-id="{department_id}"')
    return html[start:html.index("</section>", start)]


def test_distribution_and_over_guide_flags(client, auth, scene, scored_people):
    # Housekeeping: 70 (the scene's) + 95, 93, 91 excellent, 55 needs improvement -> 5 results, 3 top (guide 20 %
    # of 5 allows 1: over), 1 middle, 1 bottom (10 % of 5 allows 1: not over).
    scored_people(scene.housekeeping, ["95", "93", "91", "55"], scene.hk_head)
    auth.login("hr")
    html = page_of(client, scene)
    hk = section(html, scene.housekeeping.id)
    assert re.search(r'data-bucket="top" data-over="yes"', hk)
    assert re.search(r'data-bucket="middle" data-over="no"', hk)
    assert re.search(r'data-bucket="bottom" data-over="no"', hk)
    assert "60.00%" in hk and "20%" in hk  # 3 of 5 in the top bucket, against the guide's 20 %
    assert f'id="grades-{scene.housekeeping.id}-chart"' in hk and "80.80" in hk  # the mean
    # the per-grade table behind the chart: 3 excellent, 1 satisfactory, 1 needs improvement
    data = overview(scene.hr, scene.cycle)
    hk_section = next(s for s in data.sections if s.department_id == scene.housekeeping.id)
    assert hk_section.grades == {"excellent": 3, "pass": 1, "needs_improvement": 1}
    # one section per department with results: FO (the head's own), FO-DESK, HK
    assert {s.department_id for s in data.sections} == {scene.front.id, scene.front_desk.id, scene.housekeeping.id}


def test_department_filter_covers_sub_departments(client, auth, scene):
    auth.login("hr")
    html = page_of(client, scene, department=scene.front.id)
    assert f'data-department-id="{scene.front_desk.id}"' in html
    assert f'data-department-id="{scene.housekeeping.id}"' not in html
    assert f'data-appraisal-id="{scene.hk.id}"' not in html


def test_outliers_against_the_department_mean(client, auth, scene, scored_people):
    low, *_rest = scored_people(scene.housekeeping, ["50", "80", "80", "80"], scene.hk_head)  # mean 72.00
    auth.login("hr")
    html = page_of(client, scene)
    outliers = html[html.index('id="outliers-table"'):]
    outliers = outliers[:outliers.index("</table>")]
    assert f'data-appraisal-id="{low.id}"' in outliers  # 22 below 72
    assert f'data-appraisal-id="{scene.hk.id}"' not in outliers  # 70: 2 below


def test_scorer_leniency(client, auth, scene, scored_people):
    scored_people(scene.front_desk, ["95", "96"], scene.head)  # the FO head: 85, 95, 96 -> 92
    scored_people(scene.housekeeping, ["72", "74"], scene.hk_head)  # the HK head: 70, 72, 74 -> 72
    auth.login("hr")
    html = page_of(client, scene)
    assert re.search(r'data-scorer="head" data-leniency="1"', html)
    assert re.search(r'data-scorer="hkhead" data-leniency="-1"', html)
    lines = {line.username: line for line in overview(scene.hr, scene.cycle).scorers}
    assert str(lines["head"].mean) == "92.00" and lines["head"].count == 3
    assert str(lines["hkhead"].others_mean) == "92.00"  # 85, 95, 96 and HR's 92


def test_hr_gets_the_adjust_action_heads_read_only(client, auth, scene):
    auth.login("hr")
    html = page_of(client, scene)
    assert html.count('data-action="adjust"') == 3
    auth.logout()
    auth.login("head")
    html = page_of(client, scene)
    assert 'data-action="adjust"' not in html
    assert f'data-appraisal-id="{scene.desk.id}"' in html
    assert f'data-appraisal-id="{scene.own.id}"' not in html  # their own result, unpublished
    assert f'data-appraisal-id="{scene.hk.id}"' not in html and "hkhead" not in html


def test_only_scored_results_count(client, auth, scene, make_appraisal, make_staff):
    make_appraisal(scene.cycle, make_staff(scene.housekeeping), scene.template)  # waiting for the head
    score(scene.desk, "85", scene.head, status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    data = overview(scene.hr, scene.cycle)
    assert data.count == 2


def test_empty_cycle(client, auth, scene, make_cycle):
    cycle = make_cycle(name="2026-Q2", stage=CycleStage.CALIBRATION)
    db.session.commit()
    auth.login("hr")
    response = client.get(f"/appraisals/calibration/cycles/{cycle.id}")
    assert response.status_code == 200 and b'id="no-results"' in response.data


def test_statement_budget(client, auth, scene, scored_people, statements):
    scored_people(scene.housekeeping, [str(60 + n) for n in range(30)], scene.hk_head)
    for who in ("hr", "hkhead"):
        auth.login(who)
        client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}")  # warm up (the login's user is cached)
        with statements() as seen:
            assert client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}").status_code == 200
        assert len(seen) <= 10, "\n".join(seen)
        auth.logout()
