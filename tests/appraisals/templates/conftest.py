"""Fixtures and helpers of the template tests: a valid template form, criterion forms of each kind, and the
template fresh from the database."""
import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AppraisalTemplate
from tests import access_matrix

people = access_matrix.people  # the fixture: org plus the head of housekeeping

GRADES = {"band_excellent": "90", "band_good": "80", "band_pass": "60", "band_needs_improvement": "50",
          "band_fail": "0"}
VALID = {"code": "T-STD", "name_zh": "一线员工季度考核表", "name_en": "Front line", "department_id": "",
         "position_id": "", "self_assessment": "y", "note": "", **GRADES}
RATING = {"title_zh": "服务与工作态度", "kind": "rating", "weight": "25", "levels": "差\n较差\n一般\n良好\n优秀",
          "self_scored": "y", "higher_is_better": "y", "metric": ""}
METRIC = {"title_zh": "迟到次数", "kind": "metric", "weight": "10", "metric": "late_count", "bands": ""}
IMPORTED = {"title_zh": "顾客满意度", "kind": "imported", "weight": "15", "kpi_code": " CSAT ",
            "bands": "4.5 100\n4,80\n3.5：60", "higher_is_better": "y", "metric": ""}


def english(client):
    """The client with the English interface (messages asserted as written in the code)."""
    client.post("/auth/locale/en")
    return client


def template(code: str) -> AppraisalTemplate | None:
    """The template with this code, fresh from the database."""
    db.session.expire_all()
    return db.session.scalar(sa.select(AppraisalTemplate).where(AppraisalTemplate.code == code))


def add(client, code: str, data: dict, version: int | None = None):
    """Post a new criterion to the template `code` carrying its current version (or `version`)."""
    found = template(code)
    return client.post(f"/appraisals/templates/{found.id}/criteria/new",
                       data={**data, "version_id": str(found.version_id if version is None else version)})


@pytest.fixture
def blank(people, make_template):
    """`people` with an empty template T-NEW (out of use)."""
    people.template = make_template("T-NEW", "新考核表", criteria=(), active=False)
    db.session.commit()
    return people
