"""Fixtures of the scoring tests: `scene` — the org (with a head of housekeeping), a template of a rating (five
levels, 40), a KPI scored by bands (30, self-scored) and a system metric (30), a cycle in self-assessment and the
desk clerk's appraisal (scored by the head of the front office)."""
import pytest

from hrapp.extensions import db
from hrapp.models import CriterionKind, Metric, Role
from tests.appraisals.fixtures import FIVE_LEVELS

CRITERIA = (
    ("服务与工作态度", CriterionKind.RATING, "40", {"levels": FIVE_LEVELS}),
    ("销售额", CriterionKind.KPI, "30", {"bands": [["100", "100"], ["80", "80"], ["0", "40"]], "target": 100,
                                       "unit": "万"}),
    ("出勤率", CriterionKind.METRIC, "30",
     {"metric": Metric.ATTENDANCE_RATE, "bands": [["98", "100"], ["95", "80"], ["0", "0"]], "unit": "%",
      "self_scored": False}),
)


@pytest.fixture
def scene(org, make_user, make_template, make_cycle, make_appraisal):
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    org.template = make_template(criteria=CRITERIA, peer_feedback=True)
    org.cycle = make_cycle()
    org.appraisal = make_appraisal(org.cycle, org.desk_staff, org.template)
    org.rating, org.kpi, org.metric = org.appraisal.items
    db.session.commit()
    return org


def item_form(appraisal, version=None, comment="", **fields) -> dict:
    """A posted scoring form: `fields` as `level_<n>=...` (n the item's position from 1) become `level-<id>`."""
    data = {"version_id": appraisal.version_id if version is None else version, "comment": comment}
    for key, value in fields.items():
        part, number = key.rsplit("_", 1)
        data[f"{part}-{appraisal.items[int(number) - 1].id}"] = value
    return data
