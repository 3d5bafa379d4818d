"""Catalogue test fixtures: the standard catalogue loaded, and a form body for a rule."""
import pytest

from hrapp.blueprints.conduct.catalogue.services import load_standard_catalogue
from hrapp.extensions import db
from hrapp.models import ConductRule


@pytest.fixture
def catalogue(org):
    """`org` with the standard catalogue loaded by HR; `catalogue.rule(code)` finds a rule."""
    load_standard_catalogue(org.hr)
    db.session.commit()
    org.rule = lambda code: db.session.query(ConductRule).filter_by(code=code).one()
    return org


def rule_body(**fields) -> dict:
    """A valid form body for a fine-range penalty (5–10 yuan, both forms, 1 point, a 2-step ladder)."""
    body = {"code": "9-1", "category": "penalty", "title_zh": "上班玩手机", "title_en": "Phone games on duty",
            "kind": "fine_range", "penalty_form": "both", "min_amount": "5", "max_amount": "10", "points": "1",
            "serious_measure": "none", "lookback_days": "90",
            "ladder-0-occurrence": "2", "ladder-0-multiplier": "2", "ladder-0-measure": "written_warning",
            "ladder-1-occurrence": "3", "ladder-1-multiplier": "3", "ladder-1-measure": "final_warning"}
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}


@pytest.fixture
def body():
    return rule_body
