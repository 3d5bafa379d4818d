"""The charts journey's company part: CH (图表部) with two sub-departments, a person in each, a head of CH (chhead)
and last month's figures (tests/home/charts/scene.py): attendance, violations, rewards, an appraisal cycle's
results and a training plan with a session."""
import sqlalchemy as sa

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, Role
from tests.conftest import PASSWORD
from tests.home.charts.scene import write_scene

CHARTS = {"department": "CH", "head": "chhead", "first": "CH001", "second": "CH002"}


def seed_charts_department(make_staff) -> None:
    """CH with CH-A and CH-B under it, CH001 in CH-A and CH002 in CH-B, the head of CH, and the scene."""
    parent = save_department(None, None, CHARTS["department"], "图表部", "Charts team", None, 4)
    db.session.flush()
    first_team = save_department(None, None, "CH-A", "图表一组", "Charts A", parent, 2)
    second_team = save_department(None, None, "CH-B", "图表二组", "Charts B", parent, 2)
    db.session.flush()
    first = make_staff(CHARTS["first"], "图表甲", first_team)
    second = make_staff(CHARTS["second"], "图表乙", second_team)
    create_user(CHARTS["head"], PASSWORD, Role.HEAD, None, departments=[parent], must_change_password=False)
    db.session.flush()
    write_scene(first, second, prefix="CH", template_department_id=parent.id)
    # The scene's template retires, so that the appraisal journey's new cycle gives CH nobody to score.
    db.session.execute(sa.update(AppraisalTemplate).where(AppraisalTemplate.code == "CH-T").values(active=False))
