"""Every route of the metrics part as every role (tests/access_matrix.py): HR and admins only; anonymous users go
to the login page; posts without a version get the stale answer; a cycle that does not exist 404."""
from hrapp.extensions import db
from hrapp.models import CycleStage, KpiImport
from tests.access_matrix import Route, people, walk, web_callers  # noqa: F401  (people: fixture)

from .conftest import Q2_FIRST


def test_access_matrix(app, people,  # noqa: F811
                        make_template, make_cycle, make_appraisal):
    cycle = make_cycle("2026-Q2", stage=CycleStage.HEAD_SCORING, first_on=Q2_FIRST)
    make_appraisal(cycle, people.desk_staff, make_template())
    db.session.commit()
    base = f"/appraisals/cycles/{cycle.id}/kpis"
    #                                                                  anon staff other head hk_head hr admin
    table = {
        "page": Route("GET", base,                                     "L    403   403   403  403     200 200"),
        "template": Route("GET", f"{base}/template.xlsx",              "L    403   403   403  403     200 200"),
        "upload": Route("POST", f"{base}/upload",                      "L    403   403   403  403     409 409"),
        "metrics": Route("POST", f"{base}/metrics",                    "L    403   403   403  403     302 302"),
        "missing": Route("GET", "/appraisals/cycles/999999/kpis",      "L    403   403   403  403     404 404"),
    }
    walk(app, "appraisal_metrics", table, web_callers(app))
    assert db.session.query(KpiImport).count() == 0
    db.session.expire_all()
    assert db.session.get(type(cycle), cycle.id).metrics_at is None  # a versionless post changes nothing
