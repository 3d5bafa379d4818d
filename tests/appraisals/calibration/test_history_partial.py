"""The adjustment history partial the appraisal page includes (appraisals/calibration/_adjustments.html): shown
to whom may see the result — the person only once it is published — with each adjustment's totals, grades and
reason; `adjustments_of` oldest first."""
from decimal import Decimal

from flask import render_template_string
from flask_login import login_user

from hrapp.blueprints.appraisals.calibration import services
from hrapp.blueprints.appraisals.calibration.queries import adjustments_of
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus

PARTIAL = '{% include "appraisals/calibration/_adjustments.html" %}'


def rendered(app, user, appraisal) -> str:
    with app.test_request_context("/"):
        login_user(user)
        return render_template_string(PARTIAL, appraisal=appraisal)


def test_history_visibility(app, scene):
    services.adjust_result(scene.hr, scene.desk, "80", "第一次", scene.desk.version_id)
    services.adjust_result(scene.hr, scene.desk, "82.5", "第二次", scene.desk.version_id)
    db.session.commit()
    desk = db.session.get(Appraisal, scene.desk.id)
    assert [(a.from_total, a.to_total) for a in adjustments_of(desk)] == [
        (Decimal("85.00"), Decimal("80.00")), (Decimal("80.00"), Decimal("82.50"))]
    html = rendered(app, scene.head, desk)
    assert html.count("data-adjustment-id=") == 2 and "第二次" in html and "82.50" in html
    assert "data-adjustment-id=" not in rendered(app, scene.staff, desk)  # not published: hidden from the person
    assert "data-adjustment-id=" not in rendered(app, scene.other_staff, desk)
    desk.status = AppraisalStatus.PUBLISHED
    db.session.commit()
    assert rendered(app, scene.staff, desk).count("data-adjustment-id=") == 2


def test_team_appraisal_in_the_results_list(client, auth, scene, make_appraisal):
    team = make_appraisal(scene.cycle, None, scene.template, department=scene.housekeeping)
    db.session.commit()
    auth.login("hr")
    html = client.get(f"/appraisals/calibration/cycles/{scene.cycle.id}/results").get_data(as_text=True)
    assert f'data-appraisal-id="{team.id}"' in html and "团队：客房部" in html
